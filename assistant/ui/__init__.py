"""The web UI (`app`: Gradio blocks, handlers, serving) and rendering (`html`, `terminal`)."""
