"""The capture screen: the template's sections with their notes, one capture box, fields and action items."""
