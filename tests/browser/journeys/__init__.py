"""Steps a person takes with the site and the widget, shared by the journey and layout tests."""

import pytest

# The helpers assert too: let pytest explain their failures as it does a test's.
pytest.register_assert_rewrite("journeys.steps")
