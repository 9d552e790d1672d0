"""aidplan: annual work plans of student financial aid centres, as code."""

__version__ = "0.3.0"
