"""The "Finalise and sign" dialog in its parts.

* :mod:`.dialog`: :class:`SignDialog`, the window that puts the parts together;
* :mod:`.certificate_box`: how to sign (PKCS#12 file or PKCS#11 token), remembered in QSettings;
* :mod:`.preview_pane`: the pages as they will be finalised;
* :mod:`.job`: the work off the GUI thread: rendering and signing on a worker
  of the dialog, finalising (a write) on the one DB worker through the OpRunner.
"""
