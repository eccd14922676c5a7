
from datetime import date

# The day every test works to (toolkit.now in Python, the page's clock in Chromium): a Monday.
TODAY = date(2026, 12, 7)
