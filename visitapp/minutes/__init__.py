"""Minutes of a visit as a PDF: rendering, the record inside, PDF/A, the company copy.

Nothing here touches the database: everything is made from a
:class:`~visitapp.exchange.record.VisitRecord`.
"""
