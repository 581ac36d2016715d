"""Prints what python-pptx finds in a deck, as JSON: per slide the title, every picture
(alt text, the blip's content type, the SVG part of the svgBlip extension) and the notes."""
import json
import sys

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

deck = Presentation(sys.argv[1])
slides = []
for slide in deck.slides:
    pictures = []
    for shape in slide.shapes:
        if shape.shape_type != MSO_SHAPE_TYPE.PICTURE:
            continue
        svg = None
        for blip in shape._element.iter("{%s}svgBlip" % SVG_NS):
            svg = slide.part.related_part(blip.get("{%s}embed" % R_NS)).content_type
        pictures.append({
            "descr": shape._element.nvPicPr.cNvPr.get("descr", ""),
            "fallback": shape.image.content_type,
            "svg": svg,
            "box": [shape.left, shape.top, shape.width, shape.height],
        })
    title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else None
    notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
    slides.append({"title": title, "pictures": pictures, "notes": notes})
print(json.dumps({"width": deck.slide_width, "height": deck.slide_height, "slides": slides,
                  "core_title": deck.core_properties.title}, ensure_ascii=False))
