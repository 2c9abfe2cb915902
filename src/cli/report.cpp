#include "report.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "bargain/io/gambit_profile.hpp"

namespace bargain::cli {
namespace {

// Long paths and strategy lists are cut: the table is for reading.
constexpr std::size_t kMaxLines = 40;

std::string number_text(const Rational& x) { return to_string(x); }
std::string number_text(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", x);
  return buffer;
}

nlohmann::ordered_json number_json(const Rational& x) { return to_string(x); }
nlohmann::ordered_json number_json(double x) { return x; }

std::string quoted(std::string_view s) {
  std::string text;
  text.reserve(s.size() + 2);
  return text.append(1, '"').append(s).append(1, '"');
}

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string set_name(const GameTree& tree, InfosetId set) {
  if (!tree.infoset_label(set).empty())
    return std::string(tree.infoset_label(set));
  return "set " + std::to_string(tree.infoset_rank(set) + 1);
}

template <Scalar T>
std::string payoff_text(const GameTree& tree, std::span<const T> payoffs) {
  std::string text;
  for (PlayerId p = 0; p < tree.player_count(); ++p) {
    if (p) text += ", ";
    text.append(tree.player_name(p))
        .append(" ")
        .append(number_text(payoffs[p]));
  }
  return text;
}

// What a profile does at an information set: one action, or the mix.
template <Scalar T>
std::string play_text(const GameTree& tree, const BehaviorProfile<T>& profile,
                      InfosetId set) {
  const ActionId pure = profile.pure_action(set);
  if (pure != kNoAction) return quoted(tree.action_label(pure));
  std::string text;
  for (const ActionId a : tree.actions(set)) {
    if (profile[a] == T(0)) continue;
    if (!text.empty()) text += ", ";
    text.append(quoted(tree.action_label(a)))
        .append(" ")
        .append(number_text(profile[a]));
  }
  return text;
}

// The part of the tree that play reaches, one line per node in preorder,
// indented under each chance move.
template <Scalar T>
void print_path(std::ostream& out, const ExtensiveGame<T>& game,
                const BehaviorProfile<T>& profile) {
  const GameTree& tree = game.tree();
  const auto reached = profile.reached(game);
  std::vector<std::size_t> indent(tree.node_count(), 0);
  std::size_t lines = 0, omitted = 0;
  for (NodeId v = 0; v < tree.node_count(); ++v) {
    if (!reached[v]) continue;
    const NodeId parent = tree.parent(v);
    if (parent != kNoNode)
      indent[v] =
          indent[parent] + (tree.kind(parent) == NodeKind::chance ? 2 : 0);
    // A chance move heads the lines below it: it sits one level in from
    // the move before it, they two.
    std::string line;
    if (parent != kNoNode && tree.kind(parent) == NodeKind::chance) {
      const ActionId a = tree.incoming_action(v);
      line.append(2 + 2 * indent[v], ' ')
          .append("chance: ")
          .append(quoted(tree.action_label(a)))
          .append(" with probability ")
          .append(number_text(
              game.probabilities(tree.infoset(parent))[tree.action_index(a)]))
          .append("\n");
      ++lines;
    }
    line.append(4 + 2 * indent[v], ' ');
    if (tree.is_terminal(v)) {
      line += "end";
      if (!tree.label(v).empty())
        line.append(" ").append(quoted(tree.label(v)));
      line.append(": ").append(payoff_text<T>(tree, game.payoffs(v)));
    } else if (tree.kind(v) == NodeKind::decision) {
      line.append(tree.player_name(tree.player(v)))
          .append(" plays ")
          .append(play_text(tree, profile, tree.infoset(v)));
    } else {
      continue;  // a chance node shows on its children's lines
    }
    if (++lines > kMaxLines) {
      ++omitted;
      continue;
    }
    out << line << '\n';
  }
  if (omitted) out << "    ... and " << omitted << " more nodes on the path\n";
}

template <Scalar T>
void print_table(std::ostream& out, const ExtensiveGame<T>& game,
                 const SolveResult<T>& result, const ReportContext& context) {
  const GameTree& tree = game.tree();
  out << (tree.title().empty() ? std::string("(untitled game)") : tree.title())
      << "\n";
  out << "  source    " << context.source << "\n  players   ";
  for (PlayerId p = 0; p < tree.player_count(); ++p)
    out << (p ? ", " : "") << tree.player_name(p);
  out << "\n  tree      " << tree.node_count() << " nodes, "
      << tree.terminal_count() << " terminal, "
      << (tree.has_perfect_information() ? "perfect information"
                                         : "imperfect information")
      << "\n  method    " << result.method << ", "
      << (is_exact_v<T> ? "exact rational arithmetic" : "double precision")
      << "\n  found     ";
  if (!context.exhaustive) {
    out << "one " << context.kind << " equilibrium";
    if (!context.note.empty()) out << " (" << context.note << ")";
  } else {
    if (result.total_is_lower_bound) out << "at least ";
    out << result.total_count << " " << context.kind << " equilibri"
        << (result.total_count == 1 ? "um" : "a");
    if (result.truncated())
      out << " (showing the first " << result.equilibria.size() << ")";
  }
  out << "\n";

  std::size_t name_width = 0;
  for (PlayerId p = 0; p < tree.player_count(); ++p)
    name_width = std::max(name_width, tree.player_name(p).size() + 2);
  for (std::size_t k = 0; k < result.equilibria.size(); ++k) {
    const auto& eq = result.equilibria[k];
    out << "\nEquilibrium " << k + 1 << "\n  Path of play\n";
    print_path(out, game, eq.profile);
    out << "  Strategies (every information set, on and off the path)\n";
    std::size_t lines = 0;
    for (PlayerId p = 0; p < tree.player_count(); ++p)
      for (const InfosetId set : tree.infosets_of(p))
        if (++lines <= kMaxLines)
          out << "    " << tree.player_name(p) << " at "
              << quoted(set_name(tree, set)) << ": "
              << play_text(tree, eq.profile, set) << "\n";
    if (lines > kMaxLines)
      out << "    ... and " << lines - kMaxLines << " more information sets\n";
    out << "  Payoffs"
        << (game.has_subjective_beliefs() ? " (each under its own beliefs)"
                                          : "")
        << "\n";
    for (PlayerId p = 0; p < tree.player_count(); ++p) {
      out << "    " << padded(tree.player_name(p), name_width)
          << number_text(eq.payoffs[p]);
      if (game.has_subjective_beliefs())
        out << "   (objective odds: " << number_text(eq.objective_payoffs[p])
            << ")";
      out << "\n";
    }
    out << "  Verified  max regret " << number_text(eq.verification.max_regret)
        << " (tolerance " << number_text(eq.verification.tolerance)
        << "): " << eq.verification.criterion << "\n";
  }
}

template <Scalar T>
void print_json(std::ostream& out, const ExtensiveGame<T>& game,
                const SolveResult<T>& result, const ReportContext& context) {
  using Json = nlohmann::ordered_json;
  const GameTree& tree = game.tree();
  Json players = Json::array();
  for (PlayerId p = 0; p < tree.player_count(); ++p)
    players.push_back(tree.player_name(p));
  Json doc = {
      {"game",
       {{"title", tree.title()},
        {"source", context.source},
        {"players", players},
        {"nodes", tree.node_count()},
        {"perfect_information", tree.has_perfect_information()}}},
      {"method", result.method},
      {"exact", is_exact_v<T>},
      {"kind", context.kind},
      {"count", result.total_count},
      {"count_is_lower_bound", result.total_is_lower_bound},
      {"equilibria", Json::array()},
  };
  for (const auto& eq : result.equilibria) {
    Json strategies = Json::array();
    for (PlayerId p = 0; p < tree.player_count(); ++p)
      for (const InfosetId set : tree.infosets_of(p)) {
        Json actions = Json::object();
        for (const ActionId a : tree.actions(set))
          actions[std::string(tree.action_label(a))] =
              number_json(eq.profile[a]);
        strategies.push_back({{"player", tree.player_name(p)},
                              {"infoset", tree.infoset_rank(set) + 1},
                              {"label", tree.infoset_label(set)},
                              {"actions", actions}});
      }
    Json payoffs = Json::object(), objective = Json::object();
    for (PlayerId p = 0; p < tree.player_count(); ++p) {
      payoffs[tree.player_name(p)] = number_json(eq.payoffs[p]);
      objective[tree.player_name(p)] = number_json(eq.objective_payoffs[p]);
    }
    doc["equilibria"].push_back(
        {{"strategies", strategies},
         {"payoffs", payoffs},
         {"objective_payoffs", objective},
         {"verification",
          {{"criterion", eq.verification.criterion},
           {"max_regret", number_json(eq.verification.max_regret)},
           {"tolerance", number_json(eq.verification.tolerance)},
           {"passed", eq.verification.passed()}}}});
  }
  out << doc.dump(2) << "\n";
}

}  // namespace

template <Scalar T>
void print_report(std::ostream& out, const ExtensiveGame<T>& game,
                  const SolveResult<T>& result, Format format,
                  const ReportContext& context) {
  switch (format) {
    case Format::table:
      print_table(out, game, result, context);
      break;
    case Format::json:
      print_json(out, game, result, context);
      break;
    case Format::gambit:
      for (const auto& eq : result.equilibria)
        out << to_gambit_line(eq.profile) << "\n";
      break;
  }
}

template void print_report(std::ostream&, const ExtensiveGame<double>&,
                           const SolveResult<double>&, Format,
                           const ReportContext&);
template void print_report(std::ostream&, const ExtensiveGame<Rational>&,
                           const SolveResult<Rational>&, Format,
                           const ReportContext&);

}  // namespace bargain::cli
