// `bargain sweep SCENARIO.json --param PATH --from A --to B --steps N`: the
// comparative statics of the two-track model. One number of the scenario
// moves over an exact grid, every point is solved, and the rows come out as
// a table, JSON or CSV; a picture marks where the first round's outcome
// changes, and --threshold finds each change between grid points exactly.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "bargain/error.hpp"
#include "bargain/io/scenario_json.hpp"
#include "bargain/model/analysis.hpp"
#include "commands.hpp"
#include "report.hpp"
#include "svg.hpp"
#include "table.hpp"

namespace bargain::cli {

namespace {

struct SweepOptions {
  std::string file, param, from, to, csv, svg;
  std::string tolerance = "1/1000000";
  std::size_t steps = 0, threads = 0;
  bool threshold = false;
  Format format = Format::table;
};

// Beyond this a sweep is a slip of the keyboard, not a study: even the
// smallest scenario would take minutes, and the outputs would be unreadable.
constexpr std::size_t kMaxSteps = 100'000;

// One point as every output shows it.
struct Row {
  Rational value, settlement, first_round_settlement, war_rounds;
  std::vector<Rational> payoffs;  // each actor under its own beliefs
  std::string outcome;            // first_round_outcome
};

struct Sweep {
  std::vector<Row> rows;
  std::vector<RegimeChange<std::string>> changes;  // with --threshold
};

Rational number_option(std::string_view option, const std::string& text) {
  try {
    return parse_rational(text);
  } catch (const NumberFormatError& e) {
    throw Error(std::string(option) + " \"" + text + "\" is not a number (" +
                e.what() + "): write one such as 0.25, 1/3 or 2e-3");
  }
}

// "[#####     ] 12/40 points" on stderr, redrawn in place, for a person
// watching a terminal; nothing when stderr is a file or a pipe, so logs,
// tests and CSV pipes stay clean. Cleared when the sweep ends or fails.
class ProgressBar {
 public:
  explicit ProgressBar(std::size_t total)
      : total_(total), shown_(total > 5 && isatty(STDERR_FILENO)) {}
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar() {
    if (width_ > 0)
      std::cerr << '\r' << std::string(width_, ' ') << '\r' << std::flush;
  }

  void operator()(std::size_t done) {
    // At most a hundred redraws, however many points.
    const std::size_t percent = done * 100 / total_;
    if (!shown_ || (percent == percent_ && done != total_)) return;
    percent_ = percent;
    constexpr std::size_t kBar = 20;
    const std::size_t filled = done * kBar / total_;
    const std::string line =
        "[" + std::string(filled, '#') + std::string(kBar - filled, ' ') +
        "] " + std::to_string(done) + "/" + std::to_string(total_) + " points";
    width_ = line.size();
    std::cerr << '\r' << line << std::flush;
  }

 private:
  std::size_t total_, percent_ = SIZE_MAX, width_ = 0;
  bool shown_;
};

Sweep solve_sweep(const SweepOptions& options, const Scenario& scenario,
                  const Rational& from, const Rational& to,
                  const Rational& tolerance) {
  std::vector<SweepPoint> points;
  {
    ProgressBar bar(options.steps);
    points = sweep(scenario, options.param, from, to, options.steps,
                   options.threads, [&bar](std::size_t done) { bar(done); });
  }
  Sweep out;
  for (const auto& [value, s] : points)
    out.rows.push_back({value, 1 - s.no_settlement,
                        s.settlement_by_round.empty()
                            ? Rational(0)
                            : s.settlement_by_round.front(),
                        s.expected_war_rounds, s.payoffs,
                        // Names and options are all the outcome reads of the
                        // scenario, and a sweep moves none of them.
                        first_round_outcome(scenario, s)});
  if (options.threshold)
    for (std::size_t k = 0; k + 1 < out.rows.size(); ++k) {
      // A search finds one change; when the outcome just above it is not
      // yet the next point's, more changes lie between, so search on from
      // there. Changes that return to the outcome they left stay unseen.
      Rational lo = out.rows[k].value;
      std::string at_lo = out.rows[k].outcome;
      while (at_lo != out.rows[k + 1].outcome) {
        auto change = outcome_threshold(scenario, options.param, lo,
                                        out.rows[k + 1].value, tolerance);
        lo = change.bracket.hi();
        at_lo = change.above;
        out.changes.push_back(std::move(change));
      }
    }
  return out;
}

// A bracket's ends as decimals just long enough to tell apart.
std::string where_text(const RegimeChange<std::string>& change) {
  const auto& b = change.bracket;
  if (change.is_exact()) return "at " + readable(b.lo());
  char lo[32], hi[32];
  for (int digits = 4; digits <= 17; ++digits) {
    std::snprintf(lo, sizeof lo, "%.*g", digits, to_double(b.lo()));
    std::snprintf(hi, sizeof hi, "%.*g", digits, to_double(b.hi()));
    if (std::string_view(lo) != hi) break;
  }
  return "between " + to_string(b.lo()) + " and " + to_string(b.hi()) + " (" +
         lo + " to " + hi + ")";
}

void print_table(std::ostream& out, const Scenario& scenario,
                 const SweepOptions& options, const Sweep& sweep,
                 const Rational& tolerance) {
  out << (scenario.title.empty() ? "Scenario" : scenario.title) << '\n';
  TextTable header;
  header.add({"source", options.file});
  header.add({"parameter", options.param + " from " + options.from + " to " +
                               options.to + " in " +
                               std::to_string(options.steps) + " points"});
  header.print(out);
  out << "\nOutcomes (chances under the objective odds, payoffs under each "
         "actor's own beliefs)\n";
  TextTable table("    ");
  std::vector<std::string> head{"value", "P(settlement)",
                                "P(settlement in round 1)", "war rounds"};
  for (const auto& actor : scenario.actors) head.push_back(actor.name);
  head.push_back("first round");
  table.add(head);
  for (const auto& r : sweep.rows) {
    std::vector<std::string> row{readable(r.value), readable(r.settlement),
                                 readable(r.first_round_settlement),
                                 readable(r.war_rounds)};
    for (const auto& u : r.payoffs) row.push_back(readable(u));
    row.push_back(r.outcome);
    table.add(row);
  }
  table.print(out);
  if (!options.threshold) return;
  out << "\nThresholds (where the first round's outcome changes; exact "
         "brackets at most "
      << to_string(tolerance) << " wide)\n";
  if (sweep.changes.empty())
    out << "  none: the first round's outcome is the same at every point\n";
  for (const auto& c : sweep.changes)
    out << "  " << options.param << " changes the outcome " << where_text(c)
        << "\n    below: " << c.below << "\n    above: " << c.above << '\n';
}

void print_json(std::ostream& out, const Scenario& scenario,
                const SweepOptions& options, const Rational& from,
                const Rational& to, const Sweep& sweep) {
  nlohmann::json j;
  j["title"] = scenario.title;
  j["source"] = options.file;
  j["parameter"] = options.param;
  j["from"] = to_string(from);
  j["to"] = to_string(to);
  j["steps"] = options.steps;
  auto& points = j["points"] = nlohmann::json::array();
  for (const auto& r : sweep.rows) {
    auto payoffs = nlohmann::json::object();
    for (std::size_t i = 0; i < scenario.actors.size(); ++i)
      payoffs[scenario.actors[i].name] = to_string(r.payoffs[i]);
    points.push_back(
        {{"value", to_string(r.value)},
         {"settlement", to_string(r.settlement)},
         {"settlement_in_round_1", to_string(r.first_round_settlement)},
         {"expected_war_rounds", to_string(r.war_rounds)},
         {"payoffs", payoffs},
         {"first_round", r.outcome}});
  }
  if (options.threshold) {
    auto& changes = j["thresholds"] = nlohmann::json::array();
    for (const auto& c : sweep.changes)
      changes.push_back(
          {{"exact", c.is_exact()},
           {"bracket", {to_string(c.bracket.lo()), to_string(c.bracket.hi())}},
           {"below", c.below},
           {"above", c.above}});
  }
  out << j.dump(2) << '\n';
}

// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text)
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Spreadsheets and plotting tools read decimals, not fractions, so every
// number is the shortest decimal that reads back as the same double; the
// exact parameter value is kept beside it.
void write_csv(const std::string& path, const Scenario& scenario,
               const Sweep& sweep) {
  std::ofstream file(path);
  const auto line = [&](const std::vector<std::string>& fields) {
    std::vector<std::string> quoted;
    for (const auto& f : fields) quoted.push_back(csv_field(f));
    file << joined(quoted, ",") << '\n';
  };
  std::vector<std::string> head{"value", "value_exact", "settlement",
                                "settlement_in_round_1", "expected_war_rounds"};
  for (const auto& actor : scenario.actors)
    head.push_back("payoff_" + actor.name);
  head.push_back("first_round");
  line(head);
  for (const auto& r : sweep.rows) {
    std::vector<std::string> row{to_string(to_double(r.value)),
                                 to_string(r.value),
                                 to_string(to_double(r.settlement)),
                                 to_string(to_double(r.first_round_settlement)),
                                 to_string(to_double(r.war_rounds))};
    for (const auto& u : r.payoffs) row.push_back(to_string(to_double(u)));
    row.push_back(r.outcome);
    line(row);
  }
  if (!file) throw Error("cannot write the table to " + path);
}

constexpr const char* kActorColours[] = {"#d62728", "#1f77b4", "#2ca02c",
                                         "#9467bd", "#ff7f0e", "#8c564b",
                                         "#e377c2", "#7f7f7f"};
constexpr const char* kChangeColour = "#888888";

// Three panels over the parameter: the chances of settlement, the expected
// fighting and the payoffs, each on its own axis; dashed lines where the
// first round's outcome changes (at the threshold when one was sought,
// else halfway between the two points).
void write_svg(const std::string& path, const Scenario& scenario,
               const SweepOptions& options, const Sweep& sweep) {
  const auto& rows = sweep.rows;
  std::vector<double> changes;
  for (const auto& c : sweep.changes)
    changes.push_back(to_double((c.bracket.lo() + c.bracket.hi()) / 2));
  if (!options.threshold)
    for (std::size_t k = 0; k + 1 < rows.size(); ++k)
      if (rows[k].outcome != rows[k + 1].outcome)
        changes.push_back(to_double((rows[k].value + rows[k + 1].value) / 2));

  SvgCanvas canvas(1180, 420);
  const auto panel = [&](int k, std::string title, std::string y_label,
                         double y_lo, double y_hi) {
    SvgPanel p;
    p.left = 70 + 380.0 * k;
    p.top = 40;
    p.width = p.height = 300;
    p.x_lo = to_double(rows.front().value);
    p.x_hi = to_double(rows.back().value);
    p.y_lo = y_lo;
    p.y_hi = y_hi;
    p.title = std::move(title);
    p.y_label = std::move(y_label);
    p.x_label = options.param;
    canvas.axes(p);
    for (const double x : changes)
      canvas.polyline(p, {{x, y_lo}, {x, y_hi}}, kChangeColour, 1, true);
    return p;
  };
  const auto curve = [&](const SvgPanel& p, const char* colour, auto of) {
    std::vector<SvgPoint> line;
    for (const auto& r : rows)
      line.emplace_back(to_double(r.value), to_double(of(r)));
    canvas.polyline(p, line, colour, 2);
    if (rows.size() <= 40)
      for (const auto& at : line) canvas.point(p, at, colour, 2.5);
  };

  const SvgPanel chances =
      panel(0, "Chance of settlement", "probability", 0, 1);
  curve(chances, "#000000", [](const Row& r) { return r.settlement; });
  curve(chances, "#17becf",
        [](const Row& r) { return r.first_round_settlement; });

  Rational most_war(0);
  for (const auto& r : rows) most_war = std::max(most_war, r.war_rounds);
  const SvgPanel war = panel(1, "Expected rounds of fighting", "rounds", 0,
                             std::max(1.0, to_double(most_war)));
  curve(war, "#bcbd22", [](const Row& r) { return r.war_rounds; });

  double lo = to_double(rows.front().payoffs.front()), hi = lo;
  for (const auto& r : rows)
    for (const auto& u : r.payoffs) {
      lo = std::min(lo, to_double(u));
      hi = std::max(hi, to_double(u));
    }
  const double pad = 0.05 * std::max(hi - lo, 1e-9);
  const SvgPanel payoffs =
      panel(2, "Payoffs (own beliefs)", "payoff", lo - pad, hi + pad);
  std::vector<std::pair<std::string, std::string>> legend{
      {"#000000", "P(settlement)"},
      {"#17becf", "P(settlement in round 1)"},
      {"#bcbd22", "expected war rounds"}};
  for (std::size_t i = 0; i < scenario.actors.size(); ++i) {
    const char* colour = kActorColours[i % std::size(kActorColours)];
    curve(payoffs, colour, [i](const Row& r) { return r.payoffs[i]; });
    legend.emplace_back(colour, scenario.actors[i].name);
  }
  if (!changes.empty())
    legend.emplace_back(kChangeColour, "first-round outcome changes");
  canvas.legend(legend);
  std::ofstream file(path);
  file << canvas.str();
  if (!file) throw Error("cannot write the picture to " + path);
}

void run_sweep(const SweepOptions& options) {
  if (options.steps == 0 || options.steps > kMaxSteps)
    throw Error("--steps " + std::to_string(options.steps) +
                ": expected from 1 to " + std::to_string(kMaxSteps) +
                " points");
  const Rational from = number_option("--from", options.from);
  const Rational to = number_option("--to", options.to);
  const Rational tolerance = number_option("--tolerance", options.tolerance);
  if (from > to)
    throw Error("--from " + options.from + " is above --to " + options.to +
                ": give the range from its lower end");
  if (tolerance <= 0)
    throw Error("--tolerance " + options.tolerance +
                ": expected a width above 0");
  const Scenario scenario = read_scenario_file(options.file);
  const Sweep result = [&] {
    try {
      return solve_sweep(options, scenario, from, to, tolerance);
    } catch (const ModelError& e) {
      throw ModelError(options.file + ": " + e.what());
    }
  }();
  if (options.format == Format::json)
    print_json(std::cout, scenario, options, from, to, result);
  else
    print_table(std::cout, scenario, options, result, tolerance);
  if (!options.csv.empty()) write_csv(options.csv, scenario, result);
  if (!options.svg.empty()) write_svg(options.svg, scenario, options, result);
}

}  // namespace

void add_sweep_command(CLI::App& app) {
  auto options = std::make_shared<SweepOptions>();
  auto* command = app.add_subcommand(
      "sweep",
      "Comparative statics of a scenario: solve it at evenly spaced values "
      "of one number and show how the chances of settlement, the fighting, "
      "the payoffs and the first round's outcome move");
  command->add_option("scenario", options->file, "A scenario (.json)")
      ->required()
      ->check(CLI::ExistingFile);
  command
      ->add_option("--param", options->param,
                   "The number to move, by its field path: battlefield.aid, "
                   "actors[1].discount, guarantees[0].intervention_cost, ...")
      ->required();
  command
      ->add_option("--from", options->from,
                   "First value, exact (0.25, 1/3, 2e-3)")
      ->required();
  command->add_option("--to", options->to, "Last value, exact")->required();
  command
      ->add_option("--steps", options->steps,
                   "Number of points, ends included (at most 100000)")
      ->required();
  command
      ->add_option("--threads", options->threads,
                   "Threads to solve on (0: every core)")
      ->capture_default_str();
  command->add_option("--csv", options->csv,
                      "Also write the rows as CSV (decimals, and the exact "
                      "value in value_exact)");
  command->add_option("--svg", options->svg,
                      "Also draw the outcomes against the parameter");
  command->add_flag("--threshold", options->threshold,
                    "Find, exactly, where the first round's outcome changes "
                    "between consecutive points (a change and its reversal "
                    "between the same two points go unseen)");
  command
      ->add_option("--tolerance", options->tolerance,
                   "With --threshold: the widest bracket reported when the "
                   "change is not found at a single value")
      ->capture_default_str();
  command->add_option("--format,-f", options->format, "Output: table or json")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, Format>{{"table", Format::table},
                                        {"json", Format::json}},
          CLI::ignore_case))
      ->default_str("table");
  command->callback([options] { run_sweep(*options); });
}

}  // namespace bargain::cli
