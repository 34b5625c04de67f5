"""E-Commerce Decision Lab modelling package. Never imports streamlit.

Subpackages (import them directly; nothing heavy is imported here):
- ``ingest``: read, detect and validate shop exports (``ingest.pipeline.import_file``);
- ``store``: the SQLite store (migrations, imports, read queries);
- ``sales``: KPIs and breakdowns of order lines;
- ``pricing``: elasticity, price what-if and best price;
- ``portfolio``: ABC/XYZ, best-sellers and sleepers with a suggested action, returns;
- ``customers``: repeat rates, cohorts, RFM, customer value (BG/NBD + Gamma-Gamma), NPS;
- ``demo``: the bundled demo data.
"""
__all__ = ["customers", "demo", "ingest", "portfolio", "pricing", "sales", "store"]
