"""Pricing what-if (being built: see issue 4)."""
import streamlit as st

st.title("Pricing")
st.info("The pricing what-if is being built.")
