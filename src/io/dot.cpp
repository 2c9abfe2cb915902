// The scalar-free half of the DOT writer: syntax, styles, information sets.
#include "bargain/io/dot.hpp"

#include <ostream>
#include <string>

#include "bargain/error.hpp"

namespace bargain {
namespace {

// One hue for the path of play and a paler tint of it for the profile's
// moves off the path, so both read as one plan and the path stands out.
constexpr std::string_view kPathStyle =
    R"(, color="#c0392b", fontcolor="#c0392b", penwidth=2.5)";
constexpr std::string_view kOffPathStyle = R"(, color="#e6a39b")";

std::string_view style_of(dot_detail::Emphasis emphasis) {
  switch (emphasis) {
    case dot_detail::Emphasis::path:
      return kPathStyle;
    case dot_detail::Emphasis::off_path:
      return kOffPathStyle;
    case dot_detail::Emphasis::none:
      break;
  }
  return {};
}

std::string_view shape_of(NodeKind kind) {
  switch (kind) {
    case NodeKind::decision:
      return "ellipse";
    case NodeKind::chance:
      return "diamond";
    case NodeKind::terminal:
      break;
  }
  return "box";
}

}  // namespace

std::string dot_quoted(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      // A lone backslash would start one of DOT's label escapes (\N, \l...)
      // or swallow the closing quote.
      case '\\':
        quoted += "\\\\";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\r':  // so that CRLF text breaks the line once
        break;
      default:
        quoted += c;
    }
  }
  quoted += '"';
  return quoted;
}

namespace dot_detail {

void check_drawable(const GameTree& tree, std::size_t max_nodes,
                    bool foreign_profile) {
  if (tree.node_count() > max_nodes)
    throw LimitError(
        "write_dot: the game has " + std::to_string(tree.node_count()) +
        " nodes, more than the limit of " + std::to_string(max_nodes) +
        "; draw a smaller game or raise DotOptions::max_nodes");
  if (foreign_profile)
    throw GameError(
        "write_dot: the profile to highlight belongs to a different game "
        "tree; pass a profile of the game being drawn");
}

void write_header(std::ostream& out, const GameTree& tree) {
  out << "digraph ";
  if (!tree.title().empty()) out << dot_quoted(tree.title()) << ' ';
  // ordering=out keeps each node's children left to right in action order,
  // as game trees are drawn.
  out << "{\n  graph [ordering=out, fontname=\"Helvetica\"";
  if (!tree.title().empty())
    out << ", label=" << dot_quoted(tree.title()) << ", labelloc=t";
  if (!tree.comment().empty())
    out << ", comment=" << dot_quoted(tree.comment());
  out << "];\n"
         "  node [fontname=\"Helvetica\", fontsize=11];\n"
         "  edge [fontname=\"Helvetica\", fontsize=10];\n";
}

std::string mover_label(const GameTree& tree, NodeId v) {
  const PlayerId p = tree.player(v);
  std::string text = p == kChance ? "chance"
                     : tree.player_name(p).empty()
                         ? "player " + std::to_string(p + 1)
                         : tree.player_name(p);
  const std::string_view set_label = tree.infoset_label(tree.infoset(v));
  if (!set_label.empty()) (text += '\n') += set_label;
  return text;
}

void write_node(std::ostream& out, NodeId v, NodeKind kind,
                std::string_view label, Emphasis emphasis) {
  out << "  " << v << " [label=" << dot_quoted(label)
      << ", shape=" << shape_of(kind) << style_of(emphasis) << "];\n";
}

void write_edge(std::ostream& out, NodeId from, NodeId to,
                std::string_view label, Emphasis emphasis) {
  out << "  " << from << " -> " << to << " [label=" << dot_quoted(label)
      << style_of(emphasis) << "];\n";
}

void write_footer(std::ostream& out, const GameTree& tree) {
  // Each information set becomes a chain of dashed lines between its members
  // in preorder (k - 1 lines, not k^2). constraint=false leaves the layout
  // to the tree edges, so the tree keeps its shape when members lie at
  // different depths; at equal depth dot draws the line level, the textbook
  // picture. Forcing rank=same would add nothing in the common case and
  // distort the tree in the other. Chance's sets carry no information.
  for (InfosetId set = 0; set < tree.infoset_count(); ++set) {
    if (tree.infoset_player(set) == kChance) continue;
    const auto members = tree.members(set);
    for (std::size_t k = 1; k < members.size(); ++k)
      out << "  " << members[k - 1] << " -> " << members[k]
          << " [style=dashed, dir=none, constraint=false, color=gray50];\n";
  }
  out << "}\n";
}

}  // namespace dot_detail
}  // namespace bargain
