// A small SVG canvas for the command's pictures: panels with their own data
// ranges, axes with end labels, polygons, polylines, points and labels.
// Enough for a ZOPA and a frontier; nothing here knows about bargaining.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bargain::cli {

using SvgPoint = std::pair<double, double>;

/// A rectangle of the picture showing data x in [x_lo, x_hi] and y in
/// [y_lo, y_hi], y upward.
struct SvgPanel {
  double left = 0, top = 0, width = 300, height = 300;
  double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
  std::string title, x_label, y_label;
};

class SvgCanvas {
 public:
  SvgCanvas(double width, double height);

  /// The panel's frame, title, axis names and the ends of both ranges.
  void axes(const SvgPanel& panel);
  void polygon(const SvgPanel& panel, const std::vector<SvgPoint>& points,
               std::string_view fill, std::string_view stroke);
  void polyline(const SvgPanel& panel, const std::vector<SvgPoint>& points,
                std::string_view stroke, double stroke_width = 1.5,
                bool dashed = false);
  void point(const SvgPanel& panel, SvgPoint at, std::string_view fill,
             double radius = 4);
  void label(const SvgPanel& panel, SvgPoint at, std::string_view text,
             std::string_view colour = "#222");
  /// A key at the bottom of the picture: a coloured dot and its meaning.
  void legend(const std::vector<std::pair<std::string, std::string>>& items);

  std::string str() const;

 private:
  SvgPoint map(const SvgPanel& panel, SvgPoint p) const;

  double width_, height_;
  std::string body_;
};

/// Escapes text for SVG (&, <, >, ").
std::string svg_escape(std::string_view text);

}  // namespace bargain::cli
