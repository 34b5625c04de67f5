"""E-Commerce Decision Lab modelling package (never imports streamlit)."""
