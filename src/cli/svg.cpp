#include "svg.hpp"

#include <cstdio>

namespace bargain::cli {

namespace {

std::string number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", x);
  return buffer;
}

std::string short_number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", x);
  return buffer;
}

std::string points_text(const std::vector<SvgPoint>& points) {
  std::string out;
  for (const auto& [x, y] : points) {
    if (!out.empty()) out += ' ';
    out += number(x) + ',' + number(y);
  }
  return out;
}

}  // namespace

std::string svg_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

SvgCanvas::SvgCanvas(double width, double height)
    : width_(width), height_(height) {}

SvgPoint SvgCanvas::map(const SvgPanel& panel, SvgPoint p) const {
  const double x_span = panel.x_hi > panel.x_lo ? panel.x_hi - panel.x_lo : 1;
  const double y_span = panel.y_hi > panel.y_lo ? panel.y_hi - panel.y_lo : 1;
  return {panel.left + (p.first - panel.x_lo) / x_span * panel.width,
          panel.top + panel.height -
              (p.second - panel.y_lo) / y_span * panel.height};
}

void SvgCanvas::axes(const SvgPanel& panel) {
  const double right = panel.left + panel.width;
  const double bottom = panel.top + panel.height;
  body_ += "<rect x=\"" + number(panel.left) + "\" y=\"" + number(panel.top) +
           "\" width=\"" + number(panel.width) + "\" height=\"" +
           number(panel.height) + "\" fill=\"white\" stroke=\"#888\"/>\n";
  const auto text = [&](double x, double y, std::string_view anchor,
                        std::string_view content, std::string_view extra) {
    body_ += "<text x=\"" + number(x) + "\" y=\"" + number(y) +
             "\" text-anchor=\"" + std::string(anchor) + "\"" +
             std::string(extra) + ">" + svg_escape(content) + "</text>\n";
  };
  text(panel.left + panel.width / 2, panel.top - 10, "middle", panel.title,
       " font-weight=\"bold\"");
  text(panel.left + panel.width / 2, bottom + 32, "middle", panel.x_label, "");
  text(panel.left - 34, panel.top + panel.height / 2, "middle", panel.y_label,
       " transform=\"rotate(-90 " + number(panel.left - 34) + " " +
           number(panel.top + panel.height / 2) + ")\"");
  text(panel.left, bottom + 15, "start", short_number(panel.x_lo), "");
  text(right, bottom + 15, "end", short_number(panel.x_hi), "");
  text(panel.left - 4, bottom, "end", short_number(panel.y_lo), "");
  text(panel.left - 4, panel.top + 10, "end", short_number(panel.y_hi), "");
}

void SvgCanvas::polygon(const SvgPanel& panel,
                        const std::vector<SvgPoint>& points,
                        std::string_view fill, std::string_view stroke) {
  std::vector<SvgPoint> mapped;
  for (const auto& p : points) mapped.push_back(map(panel, p));
  body_ += "<polygon points=\"" + points_text(mapped) + "\" fill=\"" +
           std::string(fill) + "\" fill-opacity=\"0.55\" stroke=\"" +
           std::string(stroke) + "\" stroke-width=\"1.5\"/>\n";
}

void SvgCanvas::polyline(const SvgPanel& panel,
                         const std::vector<SvgPoint>& points,
                         std::string_view stroke, double stroke_width,
                         bool dashed) {
  std::vector<SvgPoint> mapped;
  for (const auto& p : points) mapped.push_back(map(panel, p));
  body_ += "<polyline points=\"" + points_text(mapped) +
           "\" fill=\"none\" stroke=\"" + std::string(stroke) +
           "\" stroke-width=\"" + number(stroke_width) + "\"" +
           (dashed ? " stroke-dasharray=\"5,4\"" : "") + "/>\n";
}

void SvgCanvas::point(const SvgPanel& panel, SvgPoint at, std::string_view fill,
                      double radius) {
  const auto [x, y] = map(panel, at);
  body_ += "<circle cx=\"" + number(x) + "\" cy=\"" + number(y) + "\" r=\"" +
           number(radius) + "\" fill=\"" + std::string(fill) +
           "\" stroke=\"#222\" stroke-width=\"0.6\"/>\n";
}

void SvgCanvas::label(const SvgPanel& panel, SvgPoint at, std::string_view text,
                      std::string_view colour) {
  const auto [x, y] = map(panel, at);
  body_ += "<text x=\"" + number(x + 6) + "\" y=\"" + number(y - 6) +
           "\" fill=\"" + std::string(colour) + "\">" + svg_escape(text) +
           "</text>\n";
}

void SvgCanvas::legend(
    const std::vector<std::pair<std::string, std::string>>& items) {
  double x = 20;
  const double y = height_ - 14;
  for (const auto& [colour, meaning] : items) {
    body_ += "<circle cx=\"" + number(x) + "\" cy=\"" + number(y - 4) +
             "\" r=\"5\" fill=\"" + colour +
             "\" stroke=\"#222\" "
             "stroke-width=\"0.6\"/>\n<text x=\"" +
             number(x + 9) + "\" y=\"" + number(y) + "\">" +
             svg_escape(meaning) + "</text>\n";
    x += 24 + 7.0 * static_cast<double>(meaning.size());
  }
}

std::string SvgCanvas::str() const {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(width_) +
         "\" height=\"" + number(height_) +
         "\" font-family=\"sans-serif\" font-size=\"12\">\n"
         "<rect width=\"100%\" height=\"100%\" fill=\"#fafafa\"/>\n" +
         body_ + "</svg>\n";
}

}  // namespace bargain::cli
