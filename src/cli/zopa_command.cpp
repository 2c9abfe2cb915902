// `bargain zopa FILE.json`: the zone of possible agreement of a negotiation
// file, its Pareto frontier and the four cooperative solutions, as a table,
// as JSON, and as a picture.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "bargain/bargaining/package_zopa.hpp"
#include "bargain/bargaining/zopa.hpp"
#include "bargain/error.hpp"
#include "bargain/io/negotiation_json.hpp"
#include "bargain/io/scenario_json.hpp"
#include "bargain/model/two_track.hpp"
#include "commands.hpp"
#include "scenario_report.hpp"
#include "svg.hpp"
#include "table.hpp"

namespace bargain::cli {

namespace {

struct ZopaOptions {
  std::string file, svg, format = "table";
  std::size_t max_rows = 20;
};

// One cooperative solution as the report shows it.
struct SolutionRow {
  std::string name;
  std::vector<Rational> utilities;
  Package package;
  std::string note;
};

// Everything the report says, computed once whatever the output.
struct Analysis {
  bool discrete = false;
  std::vector<std::string> conflict;    // actor names, when the ZOPA is empty
  std::vector<Package> vertices;        // continuous: the ZOPA's vertices
  std::vector<std::uint64_t> packages;  // discrete: the acceptable ones
  std::uint64_t package_count = 0;      // discrete: all packages
  std::optional<Rational> volume;       // continuous, up to 3 issues
  std::optional<IssueByIssueZopa> by_issue;
  std::vector<std::vector<Rational>> frontier;  // utilities
  std::vector<Package> frontier_packages;
  std::vector<SolutionRow> solutions;
  std::vector<Halfspace> cuts;  // the actors' half-spaces (continuous)
  std::vector<std::size_t> cut_actor;
  // Continuous: the utilities of the extreme packages of every region
  // where utilities are linear, which the frontier and solutions use.
  std::vector<std::vector<Rational>> utility_points;

  // The ZOPA's vertices or packages, one at a time: a discrete ZOPA keeps
  // package numbers, and positions are made only for what is shown.
  std::size_t zopa_size() const {
    return discrete ? packages.size() : vertices.size();
  }
  Package zopa_at(const IssueSpace& space, std::size_t k) const {
    return discrete ? space.package(packages[k]) : vertices[k];
  }
  bool empty() const { return zopa_size() == 0; }
};

std::vector<Rational> utilities_at(const Negotiation& n, const Package& x) {
  std::vector<Rational> u;
  for (const auto& actor : n.actors) u.push_back(actor.preference.utility(x));
  return u;
}

std::vector<std::string> names_of(const Negotiation& n,
                                  std::span<const std::size_t> actors) {
  std::vector<std::string> out;
  for (const auto a : actors) out.push_back(n.actors[a].name);
  return out;
}

void analyse_continuous(const Negotiation& n, Analysis& a) {
  const PolytopeZopa zopa = polytope_zopa(n.space, n.actors);
  const auto& halfspaces = zopa.polytope.halfspaces();
  const std::size_t box = 2 * n.space.issue_count();
  a.cuts.assign(halfspaces.begin() + static_cast<std::ptrdiff_t>(box),
                halfspaces.end());
  a.cut_actor = zopa.actor_of;
  if (zopa.empty()) {
    a.conflict = names_of(n, zopa.conflicting_actors);
    return;
  }
  for (const auto& v : zopa.polytope.vertices()) a.vertices.push_back(v.point);
  std::sort(a.vertices.begin(), a.vertices.end());
  if (n.space.issue_count() <= 3) a.volume = zopa.polytope.volume();
  const ZopaBargaining bargaining = zopa_bargaining(zopa, n.space, n.actors);
  a.utility_points = bargaining.problem.points;
  const ParetoFrontier frontier = pareto_frontier(bargaining.problem);
  a.frontier = frontier.points;
  for (const auto& mix : frontier.mixes)
    a.frontier_packages.push_back(bargaining.package_of(mix));
  const auto add = [&](std::string name, const CooperativeSolution& s) {
    SolutionRow row{
        std::move(name), s.utilities, bargaining.package_of(s.mix), {}};
    if (!s.exact)
      row.note =
          "approximate: three or more players and the optimum on a "
          "lower-dimensional face (log-product within " +
          to_string(s.gap) + " of the maximum)";
    if (!s.ties.empty())
      row.note = "not unique: every frontier point between the " +
                 std::to_string(s.ties.size()) +
                 " tied extreme points has the same sum";
    a.solutions.push_back(std::move(row));
  };
  add("Nash", nash_solution(bargaining.problem));
  add("Kalai-Smorodinsky", kalai_smorodinsky_solution(bargaining.problem));
  add("egalitarian", egalitarian_solution(bargaining.problem));
  add("utilitarian", utilitarian_solution(bargaining.problem));
}

void analyse_discrete(const Negotiation& n, Analysis& a) {
  const PackageZopa zopa = package_zopa(n.space, n.actors);
  a.package_count = zopa.package_count;
  if (zopa.empty()) {
    a.conflict = names_of(n, zopa.conflicting_actors);
    return;
  }
  a.packages = zopa.packages;
  const auto frontier = pareto_packages(n.space, n.actors, zopa.packages);
  for (const auto p : frontier) {
    a.frontier_packages.push_back(n.space.package(p));
    a.frontier.push_back(utilities_at(n, a.frontier_packages.back()));
  }
  const auto chosen = package_solutions(n.space, n.actors, frontier);
  for (const auto& [name, p] :
       {std::pair<std::string, std::uint64_t>{"Nash", chosen.nash},
        {"Kalai-Smorodinsky", chosen.kalai_smorodinsky},
        {"egalitarian", chosen.egalitarian},
        {"utilitarian", chosen.utilitarian}}) {
    const Package x = n.space.package(p);
    a.solutions.push_back({name, utilities_at(n, x), x, {}});
  }
}

Analysis analyse(const Negotiation& n) {
  Analysis a;
  a.discrete = n.space.all_discrete();
  if (a.discrete)
    analyse_discrete(n, a);
  else
    analyse_continuous(n, a);
  a.by_issue = issue_by_issue_zopa(n.space, n.actors);
  return a;
}

std::string position_text(const Issue& issue, const Rational& x) {
  if (issue.is_discrete())
    for (const auto& option : issue.options())
      if (option.position == x) return option.name;
  return to_string(x);
}

std::string package_text(const IssueSpace& space, const Package& x) {
  std::string out;
  for (IssueId i = 0; i < space.issue_count(); ++i) {
    if (!out.empty()) out += ", ";
    out += space.issue(i).name() + " = " + position_text(space.issue(i), x[i]);
  }
  return out;
}

// "A", "A and B", "A, B and C".
std::string listed(const std::vector<std::string>& names) {
  if (names.size() < 2) return joined(names, "");
  return joined({names.begin(), names.end() - 1}, ", ") + " and " +
         names.back();
}

std::string issue_summary(const Issue& issue) {
  if (issue.is_continuous())
    return issue.name() + " in [" + to_string(issue.lo()) + ", " +
           to_string(issue.hi()) + "]";
  std::vector<std::string> options;
  for (const auto& o : issue.options()) options.push_back(o.name);
  return issue.name() + " (" + joined(options, " | ") + ")";
}

// What the ZOPA looks like: a point or a segment whatever the number of
// issues, else named by the number of issues.
std::string shape_name(std::size_t dimension, std::size_t vertices) {
  if (vertices == 1) return "a single package";
  if (vertices == 2) return "a segment";
  switch (dimension) {
    case 1:
      return "an interval";
    case 2:
      return "a polygon";
    case 3:
      return "a polyhedron";
    default:
      return "a polytope in " + std::to_string(dimension) + " dimensions";
  }
}

std::string volume_name(std::size_t dimension) {
  return dimension == 1 ? "length" : dimension == 2 ? "area" : "volume";
}

void print_issue_by_issue(std::ostream& out, const Negotiation& n,
                          const IssueByIssueZopa& by_issue) {
  std::vector<std::string> parts;
  for (IssueId i = 0; i < n.space.issue_count(); ++i) {
    const auto& issue = n.space.issue(i);
    const auto& settled = by_issue.issues[i];
    std::string part = issue.name() + ": ";
    if (settled.empty()) {
      part += "none";
    } else if (settled.continuous) {
      part += "[" + to_string(settled.range.lo()) + ", " +
              to_string(settled.range.hi()) + "]";
    } else {
      std::vector<std::string> names;
      for (const auto o : settled.options)
        names.push_back(issue.options()[o].name);
      part += joined(names, ", ");
    }
    parts.push_back(std::move(part));
  }
  out << "\nIssue by issue (each settled on its own, every actor asking the "
         "share of it that its reservation asks of the whole)\n  "
      << joined(parts, "; ") << '\n';
}

void print_table(std::ostream& out, const Negotiation& n, const Analysis& a,
                 const ZopaOptions& options) {
  const auto& space = n.space;
  out << (n.title.empty() ? "Negotiation" : n.title) << '\n';
  TextTable header;
  header.add({"source", options.file});
  std::vector<std::string> tracks;
  for (TrackId t = 0; t < space.track_count(); ++t) {
    std::vector<std::string> issues;
    for (const IssueId i : space.issues_of(t))
      issues.push_back(issue_summary(space.issue(i)));
    tracks.push_back(space.track_name(t) + ": " + joined(issues, ", "));
  }
  header.add({"issues", joined(tracks, "; ")});
  std::vector<std::string> actors;
  for (const auto& actor : n.actors)
    actors.push_back(actor.name + " (reservation " +
                     to_string(actor.reservation) + ")");
  header.add({"actors", joined(actors, ", ")});
  header.print(out);

  out << "\nZOPA (the packages every actor weakly prefers to its "
         "reservation value)\n";
  if (a.empty()) {
    if (a.conflict.size() == 1)
      out << "  empty: " << a.conflict.front()
          << " asks more than any package gives\n";
    else
      out << "  empty: no package meets the conditions of "
          << listed(a.conflict) << " together\n";
  } else {
    if (a.discrete)
      out << "  " << a.zopa_size() << " of " << a.package_count
          << " packages\n";
    else
      out << "  " << shape_name(space.issue_count(), a.zopa_size()) << " with "
          << a.zopa_size() << (a.zopa_size() == 1 ? " vertex" : " vertices")
          << (a.volume ? ", " + volume_name(space.issue_count()) + " " +
                             to_string(*a.volume)
                       : "")
          << '\n';
    TextTable table("    ");
    std::vector<std::string> head;
    for (const auto& issue : space.issues()) head.push_back(issue.name());
    for (const auto& actor : n.actors) head.push_back(actor.name);
    table.add(head);
    for (std::size_t k = 0; k < a.zopa_size() && k < options.max_rows; ++k) {
      const Package x = a.zopa_at(space, k);
      std::vector<std::string> row;
      for (IssueId i = 0; i < space.issue_count(); ++i)
        row.push_back(position_text(space.issue(i), x[i]));
      for (const auto& u : utilities_at(n, x)) row.push_back(to_string(u));
      table.add(row);
    }
    table.print(out);
    if (a.zopa_size() > options.max_rows)
      out << "    ... " << a.zopa_size() - options.max_rows
          << " more (--max-rows)\n";
  }
  if (a.by_issue) print_issue_by_issue(out, n, *a.by_issue);
  if (a.empty()) return;

  out << "\nPareto frontier (" << a.frontier.size()
      << (a.discrete ? " packages" : " extreme points") << ")\n";
  TextTable frontier("    ");
  std::vector<std::string> head;
  for (const auto& actor : n.actors) head.push_back(actor.name);
  head.push_back("package");
  frontier.add(head);
  for (std::size_t k = 0; k < a.frontier.size() && k < options.max_rows; ++k) {
    std::vector<std::string> row;
    for (const auto& u : a.frontier[k]) row.push_back(to_string(u));
    row.push_back(package_text(space, a.frontier_packages[k]));
    frontier.add(row);
  }
  frontier.print(out);
  if (a.frontier.size() > options.max_rows)
    out << "    ... " << a.frontier.size() - options.max_rows << " more\n";

  out << "\nCooperative solutions (gains measured from the reservation "
         "values"
      << (a.discrete ? "; packages, not lotteries" : "") << ")\n";
  TextTable solutions("    ");
  head.insert(head.begin(), "solution");
  solutions.add(head);
  for (const auto& s : a.solutions) {
    std::vector<std::string> row{s.name};
    for (const auto& u : s.utilities) row.push_back(to_string(u));
    row.push_back(package_text(space, s.package));
    solutions.add(row);
  }
  solutions.print(out);
  for (const auto& s : a.solutions)
    if (!s.note.empty()) out << "  " << s.name << ": " << s.note << '\n';
}

nlohmann::json exact_list(const std::vector<Rational>& values) {
  auto out = nlohmann::json::array();
  for (const auto& v : values) out.push_back(to_string(v));
  return out;
}

nlohmann::json package_json(const IssueSpace& space, const Package& x) {
  auto out = nlohmann::json::object();
  for (IssueId i = 0; i < space.issue_count(); ++i)
    out[space.issue(i).name()] = position_text(space.issue(i), x[i]);
  return out;
}

void print_json(std::ostream& out, const Negotiation& n, const Analysis& a,
                const ZopaOptions& options) {
  nlohmann::json j;
  j["title"] = n.title;
  j["source"] = options.file;
  j["kind"] = a.discrete ? "packages" : "polytope";
  j["empty"] = a.empty();
  j["conflicting_actors"] = a.conflict;
  auto& zopa = j["zopa"] = nlohmann::json::array();
  for (std::size_t k = 0; k < a.zopa_size(); ++k) {
    const Package x = a.zopa_at(n.space, k);
    zopa.push_back({{"package", package_json(n.space, x)},
                    {"utilities", exact_list(utilities_at(n, x))}});
  }
  if (a.discrete) j["package_count"] = a.package_count;
  if (a.volume) j["volume"] = to_string(*a.volume);
  if (a.by_issue) {
    auto& by_issue = j["issue_by_issue"] = nlohmann::json::object();
    for (IssueId i = 0; i < n.space.issue_count(); ++i) {
      const auto& settled = a.by_issue->issues[i];
      const auto& issue = n.space.issue(i);
      if (settled.empty()) {
        by_issue[issue.name()] = nullptr;
      } else if (settled.continuous) {
        by_issue[issue.name()] =
            exact_list({settled.range.lo(), settled.range.hi()});
      } else {
        auto names = nlohmann::json::array();
        for (const auto o : settled.options)
          names.push_back(issue.options()[o].name);
        by_issue[issue.name()] = names;
      }
    }
  }
  auto& frontier = j["frontier"] = nlohmann::json::array();
  for (std::size_t k = 0; k < a.frontier.size(); ++k)
    frontier.push_back(
        {{"utilities", exact_list(a.frontier[k])},
         {"package", package_json(n.space, a.frontier_packages[k])}});
  auto& solutions = j["solutions"] = nlohmann::json::object();
  for (const auto& s : a.solutions) {
    solutions[s.name] = {{"utilities", exact_list(s.utilities)},
                         {"package", package_json(n.space, s.package)}};
    if (!s.note.empty()) solutions[s.name]["note"] = s.note;
  }
  out << j.dump(2) << '\n';
}

// --- the picture
// ----------------------------------------------------------------

std::vector<SvgPoint> convex_hull(std::vector<SvgPoint> points) {
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  if (points.size() < 3) return points;
  const auto cross = [](SvgPoint o, SvgPoint a, SvgPoint b) {
    return (a.first - o.first) * (b.second - o.second) -
           (a.second - o.second) * (b.first - o.first);
  };
  std::vector<SvgPoint> hull(2 * points.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {
    while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  hull.resize(k - 1);
  return hull;
}

// Where a x + b y = c crosses the panel's box.
std::vector<SvgPoint> line_in_box(double a, double b, double c,
                                  const SvgPanel& p) {
  std::vector<SvgPoint> out;
  const auto keep = [&](double x, double y) {
    if (x >= p.x_lo - 1e-12 && x <= p.x_hi + 1e-12 && y >= p.y_lo - 1e-12 &&
        y <= p.y_hi + 1e-12)
      out.emplace_back(x, y);
  };
  if (b != 0)
    for (const double x : {p.x_lo, p.x_hi}) keep(x, (c - a * x) / b);
  if (a != 0)
    for (const double y : {p.y_lo, p.y_hi}) keep((c - b * y) / a, y);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.size() > 2) out = {out.front(), out.back()};
  return out;
}

constexpr const char* kSolutionColours[] = {"#d62728", "#2ca02c", "#9467bd",
                                            "#ff7f0e"};
constexpr const char* kSolutionTags[] = {"N", "KS", "E", "U"};

// One dot per solution, and one label per place: solutions that land on
// the same point share it ("N = KS = E").
template <class Where>
void mark_solutions(SvgCanvas& canvas, const SvgPanel& panel, const Analysis& a,
                    Where where) {
  std::vector<std::pair<SvgPoint, std::string>> labels;
  for (std::size_t s = 0; s < a.solutions.size(); ++s) {
    const SvgPoint at = where(a.solutions[s]);
    canvas.point(panel, at, kSolutionColours[s], 5);
    const auto same =
        std::find_if(labels.begin(), labels.end(),
                     [&](const auto& l) { return l.first == at; });
    if (same == labels.end())
      labels.emplace_back(at, kSolutionTags[s]);
    else
      same->second += std::string(" = ") + kSolutionTags[s];
  }
  for (const auto& [at, text] : labels) canvas.label(panel, at, text);
}

void write_svg(const std::string& path, const Negotiation& n,
               const Analysis& a) {
  const auto& space = n.space;
  const bool issue_panel = !a.discrete;
  // Discrete spaces show every package in utility space, so even an empty
  // ZOPA has a picture: where the packages fall against the reservations.
  const bool utility_panel = n.actors.size() >= 2 && (a.discrete || !a.empty());
  const int panels = int(issue_panel) + int(utility_panel);
  if (panels == 0)
    throw Error("nothing to draw in " + path +
                ": the ZOPA is empty and its issues are discrete");
  SvgCanvas canvas(std::max(40 + 380.0 * panels, 780.0), 420);
  double left = 70;
  std::vector<std::pair<std::string, std::string>> legend;
  if (issue_panel) {
    SvgPanel p;
    p.left = left;
    p.top = 40;
    p.width = p.height = 300;
    const auto& x_issue = space.issue(0);
    p.x_lo = to_double(x_issue.lo());
    p.x_hi = to_double(x_issue.hi());
    p.x_label = x_issue.name();
    if (space.issue_count() >= 2) {
      p.y_lo = to_double(space.issue(1).lo());
      p.y_hi = to_double(space.issue(1).hi());
      p.y_label = space.issue(1).name();
    }
    p.title = space.issue_count() > 2
                  ? "ZOPA (projection on the first two issues)"
                  : "ZOPA in issue space";
    canvas.axes(p);
    const auto project = [&](const Package& x) {
      return SvgPoint{to_double(x[0]),
                      space.issue_count() >= 2 ? to_double(x[1]) : 0.5};
    };
    std::vector<SvgPoint> points;
    for (const auto& x : a.vertices) points.push_back(project(x));
    if (points.size() >= 3)
      canvas.polygon(p, convex_hull(points), "#9ecae1", "#3182bd");
    else if (!points.empty())
      canvas.polyline(p, points, "#3182bd", 5);
    if (space.issue_count() == 2)
      for (std::size_t h = 0; h < a.cuts.size(); ++h) {
        const auto line = line_in_box(to_double(a.cuts[h].normal[0]),
                                      to_double(a.cuts[h].normal[1]),
                                      to_double(a.cuts[h].bound), p);
        if (line.size() < 2) continue;
        canvas.polyline(p, line, "#555", 1, true);
        canvas.label(p, line.front(), n.actors[a.cut_actor[h]].name, "#555");
      }
    mark_solutions(canvas, p, a,
                   [&](const SolutionRow& s) { return project(s.package); });
    left += 380;
  }
  if (utility_panel) {
    SvgPanel p;
    p.left = left;
    p.top = 40;
    p.width = p.height = 300;
    p.title = "Utilities: " + n.actors[0].name + " and " + n.actors[1].name;
    p.x_label = n.actors[0].name;
    p.y_label = n.actors[1].name;
    const auto utility_point = [&](const Package& x) {
      const auto u = utilities_at(n, x);
      return SvgPoint{to_double(u[0]), to_double(u[1])};
    };
    constexpr std::uint64_t kMostDrawn = 20000;
    std::vector<SvgPoint> cloud, others;
    for (const auto& u : a.utility_points)
      cloud.emplace_back(to_double(u[0]), to_double(u[1]));
    for (std::size_t k = 0; k < a.packages.size() && k < kMostDrawn; ++k)
      cloud.push_back(utility_point(space.package(a.packages[k])));
    if (a.discrete)
      for (std::uint64_t k = 0; k < a.package_count && k < kMostDrawn; ++k)
        others.push_back(utility_point(space.package(k)));
    std::vector<SvgPoint> frontier;
    for (const auto& u : a.frontier)
      frontier.emplace_back(to_double(u[0]), to_double(u[1]));
    const SvgPoint d{to_double(n.actors[0].reservation),
                     to_double(n.actors[1].reservation)};
    p.x_lo = p.x_hi = d.first;
    p.y_lo = p.y_hi = d.second;
    for (const auto& [x, y] : others.empty() ? cloud : others) {
      p.x_lo = std::min(p.x_lo, x), p.x_hi = std::max(p.x_hi, x);
      p.y_lo = std::min(p.y_lo, y), p.y_hi = std::max(p.y_hi, y);
    }
    const double pad_x = 0.05 * std::max(p.x_hi - p.x_lo, 1e-9);
    const double pad_y = 0.05 * std::max(p.y_hi - p.y_lo, 1e-9);
    p.x_lo -= pad_x, p.x_hi += pad_x, p.y_lo -= pad_y, p.y_hi += pad_y;
    canvas.axes(p);
    if (a.discrete || n.actors.size() > 2) {
      for (const auto& q : others) canvas.point(p, q, "#dddddd", 2);
      for (std::size_t k = 0; k < cloud.size() && k < kMostDrawn; ++k)
        canvas.point(p, cloud[k], "#3182bd", 2.5);
    } else {
      canvas.polygon(p, convex_hull(cloud), "#c7e9c0", "#74c476");
    }
    if (n.actors.size() == 2) {
      std::sort(frontier.begin(), frontier.end());
      canvas.polyline(p, frontier, "#e6550d", 2.5);
    } else {
      for (const auto& f : frontier) canvas.point(p, f, "#e6550d", 3);
    }
    canvas.point(p, d, "#000000", 4);
    canvas.label(p, d, "d");
    mark_solutions(canvas, p, a, [](const SolutionRow& s) {
      return SvgPoint{to_double(s.utilities[0]), to_double(s.utilities[1])};
    });
  }
  for (std::size_t s = 0; s < 4; ++s)
    legend.emplace_back(kSolutionColours[s], std::string(kSolutionTags[s]) +
                                                 " = " +
                                                 (s == 0   ? "Nash"
                                                  : s == 1 ? "Kalai-Smorodinsky"
                                                  : s == 2 ? "egalitarian"
                                                           : "utilitarian"));
  legend.emplace_back("#000000", "d = reservation values");
  canvas.legend(legend);
  std::ofstream file(path);
  file << canvas.str();
  if (!file) throw Error("cannot write the picture to " + path);
}

// The issues must be of one kind: the two ZOPA algorithms are exact for
// all-continuous (a polytope) and all-discrete (packages) spaces.
void require_one_kind(const ZopaOptions& options, const IssueSpace& space) {
  if (space.all_continuous() || space.all_discrete()) return;
  std::string continuous, discrete;
  for (const auto& issue : space.issues())
    (issue.is_continuous() ? continuous : discrete) = issue.name();
  throw ModelError(options.file + ": issue \"" + discrete +
                   "\" is discrete and \"" + continuous +
                   "\" continuous; bargain zopa needs every issue to be "
                   "continuous (a range) or every issue discrete (options)");
}

// A scenario of the two-track model: the ZOPA of each round play reaches.
void run_scenario_zopa(const ZopaOptions& options, const JsonValue& root) {
  if (!options.svg.empty())
    throw Error(
        "--svg draws the ZOPA of a negotiation file; a scenario's ZOPA "
        "changes round by round (its table and JSON list each one)");
  const Scenario scenario = read_scenario(root);
  print_scenario_zopa(std::cout, scenario, solve_two_track(scenario),
                      options.format == "json", options.file, options.max_rows);
}

void run_zopa(const ZopaOptions& options) {
  const JsonDocument document = read_json_file(options.file);
  const JsonValue& root = document.root();
  const JsonValue* format = root.is_object() ? root.find("format") : nullptr;
  if (format && format->is_string() && format->as_string() == kScenarioFormat)
    return run_scenario_zopa(options, root);
  const Negotiation n = read_negotiation(root);
  require_one_kind(options, n.space);
  const Analysis a = [&] {
    try {
      return analyse(n);
    } catch (const ModelError& e) {
      throw ModelError(options.file + ": " + e.what());
    }
  }();
  if (options.format == "json")
    print_json(std::cout, n, a, options);
  else
    print_table(std::cout, n, a, options);
  if (!options.svg.empty()) write_svg(options.svg, n, a);
}

}  // namespace

void add_zopa_command(CLI::App& app) {
  auto options = std::make_shared<ZopaOptions>();
  auto* command = app.add_subcommand(
      "zopa",
      "The zone of possible agreement of a negotiation file (issues and "
      "actors, JSON): its packages or exact vertices, its Pareto frontier "
      "and the Nash, Kalai-Smorodinsky, egalitarian and utilitarian "
      "solutions; of a scenario: each round's ZOPA where play goes");
  command
      ->add_option("file", options->file,
                   "negotiation file or scenario (.json)")
      ->required();
  command->add_option("--svg", options->svg,
                      "draw the ZOPA (issue space, or a projection on the "
                      "first two issues) and the utilities of the first two "
                      "actors with the solutions marked");
  command->add_option("--format", options->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  command
      ->add_option("--max-rows", options->max_rows,
                   "rows of vertices, packages and frontier points shown "
                   "in the table")
      ->check(CLI::PositiveNumber);
  command->callback([options] { run_zopa(*options); });
}

}  // namespace bargain::cli
