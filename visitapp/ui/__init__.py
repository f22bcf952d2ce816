"""The desktop GUI (PySide6): the only package of visitapp that imports Qt.

Screens live in their own modules: the visit list (``visit_list``), the
prepare dialog (``prepare``), the capture view (``capture/``), settings
(``settings_dialog``); ``app`` builds the application and ``main_window``
puts the screens together.  Widgets call :mod:`visitapp.services`.
"""
