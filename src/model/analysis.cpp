#include "bargain/model/analysis.hpp"

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

#include "bargain/error.hpp"

namespace bargain {

namespace {

// A path cut into members, each with an optional [index]:
// "actors[1].war_flow.stalemate" -> (actors, 1), (war_flow), (stalemate).
struct Segment {
  std::string name;
  std::optional<std::size_t> index;
};

std::vector<Segment> segments(std::string_view path) {
  std::vector<Segment> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('.', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    Segment segment;
    if (const auto open = part.find('[');
        open != std::string_view::npos && part.back() == ']') {
      const auto digits = part.substr(open + 1, part.size() - open - 2);
      std::size_t index = 0;
      for (const char c : digits) {
        if (c < '0' || c > '9' || digits.size() > 6) {
          index = SIZE_MAX;
          break;
        }
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      segment.index = index;
      part = part.substr(0, open);
    }
    segment.name = std::string(part);
    out.push_back(std::move(segment));
    start = end + 1;
  }
  return out;
}

[[noreturn]] void unknown(std::string_view path, std::string_view expected) {
  throw ModelError(std::string(path) +
                   ": names no number of the scenario, "
                   "expected " +
                   std::string(expected));
}

template <class Named>
std::size_t position(const std::vector<Named>& items, const std::string& name,
                     std::string_view path, std::string_view what) {
  for (std::size_t k = 0; k < items.size(); ++k)
    if (items[k].name == name) return k;
  unknown(path, std::string("the name of ") + std::string(what));
}

std::size_t state(const Scenario& s, const std::string& name,
                  std::string_view path) {
  for (std::size_t k = 0; k < s.battlefield.states.size(); ++k)
    if (s.battlefield.states[k] == name) return k;
  unknown(path, "the name of a war state");
}

}  // namespace

void set_parameter(Scenario& s, std::string_view path, const Rational& value) {
  const auto parts = segments(path);
  const auto is = [&](std::size_t k, std::string_view name, bool indexed) {
    return parts.size() > k && parts[k].name == name &&
           parts[k].index.has_value() == indexed;
  };
  const auto index_of = [&](std::size_t k, std::size_t size) {
    if (*parts[k].index >= size)
      unknown(path, "an index below " + std::to_string(size));
    return *parts[k].index;
  };
  const char* kinds =
      "battlefield.aid, ceasefire.breakdown, actors[i].discount, "
      "actors[i].war_flow.STATE, actors[i].salience.ISSUE, "
      "actors[i].values.ISSUE.OPTION, guarantees[g].FIELD, "
      "guarantees[g].stake.OPTION or issues[k].options.OPTION.FIELD";
  if (parts.size() == 2 && is(0, "battlefield", false) && is(1, "aid", false)) {
    s.battlefield.aid = value;
  } else if (parts.size() == 2 && is(0, "ceasefire", false) &&
             is(1, "breakdown", false)) {
    s.ceasefire_breakdown = value;
  } else if (is(0, "actors", true)) {
    auto& a = s.actors[index_of(0, s.actors.size())];
    if (parts.size() == 2 && is(1, "discount", false)) {
      a.discount = value;
    } else if (parts.size() == 3 && is(1, "war_flow", false)) {
      a.war_flow.at(state(s, parts[2].name, path)) = value;
    } else if (parts.size() == 3 && is(1, "salience", false)) {
      a.salience.at(position(s.issues, parts[2].name, path, "an issue")) =
          value;
    } else if (parts.size() == 4 && is(1, "values", false)) {
      const std::size_t k = position(s.issues, parts[2].name, path, "an issue");
      a.option_value.at(k).at(position(s.issues[k].options, parts[3].name, path,
                                       "an option")) = value;
    } else {
      unknown(path, kinds);
    }
  } else if (is(0, "guarantees", true)) {
    auto& g = s.guarantees[index_of(0, s.guarantees.size())];
    const std::string field = parts.size() > 1 ? parts[1].name : "";
    if (parts.size() == 3 && field == "stake")
      g.stake.at(position(s.issues.at(g.issue).options, parts[2].name, path,
                          "an option")) = value;
    else if (parts.size() == 2 && field == "strike_probability")
      g.strike_probability = value;
    else if (parts.size() == 2 && field == "intervention_cost")
      g.intervention_cost = value;
    else if (parts.size() == 2 && field == "strike_gain")
      g.strike_gain = value;
    else if (parts.size() == 2 && field == "victim_loss")
      g.victim_loss = value;
    else if (parts.size() == 2 && field == "repelled_loss")
      g.repelled_loss = value;
    else
      unknown(path, kinds);
  } else if (is(0, "issues", true) && parts.size() == 4 &&
             is(1, "options", false)) {
    auto& issue = s.issues[index_of(0, s.issues.size())];
    auto& option =
        issue
            .options[position(issue.options, parts[2].name, path, "an option")];
    if (parts[3].name == "breakdown_factor")
      option.breakdown_factor = value;
    else if (parts[3].name == "fighting_share")
      option.fighting_share = value;
    else
      unknown(path, kinds);
  } else {
    unknown(path, kinds);
  }
}

std::vector<SweepPoint> sweep(
    const Scenario& scenario, std::string_view path, const Rational& from,
    const Rational& to, std::size_t steps, std::size_t threads,
    const std::function<void(std::size_t)>& progress) {
  if (steps == 0)
    throw ModelError("sweep: steps = 0, expected at least one point");
  std::vector<SweepPoint> points(steps);
  for (std::size_t k = 0; k < steps; ++k)
    points[k].value =
        steps == 1
            ? from
            : from + (to - from) * Rational(static_cast<long>(k),
                                            static_cast<long>(steps - 1));
  // Each value is checked on the calling thread first, so a bad path or
  // value is one clear error, not one per thread.
  {
    Scenario first = scenario;
    set_parameter(first, path, points.front().value);
    first.validate();
  }
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, steps);
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex lock;
  std::exception_ptr failure;
  const auto work = [&] {
    for (;;) {
      const std::size_t k = next++;
      if (k >= steps) return;
      try {
        Scenario s = scenario;
        set_parameter(s, path, points[k].value);
        points[k].solution = solve_two_track(s);
      } catch (...) {
        const std::lock_guard<std::mutex> guard(lock);
        if (!failure) failure = std::current_exception();
        next = steps;
        return;
      }
      const std::lock_guard<std::mutex> guard(lock);
      ++done;
      if (progress) progress(done);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
  return points;
}

std::string first_round_outcome(const Scenario& scenario,
                                const TwoTrackSolution& solution) {
  std::string out;
  for (const auto& c : solution.path.at(0).choices) {
    if (!out.empty()) out += " | ";
    if (solution.path.at(0).choices.size() > 1)
      out += scenario.actors[c.proposer].name + ": ";
    // A ceasefire whose every issue fell back to status quo is none.
    bool held = c.accepted && !c.passes;
    if (held && c.scope == Scope::ceasefire) {
      held = false;
      for (std::size_t k = 0; k < scenario.issues.size(); ++k)
        held = held || (scenario.issues[k].track == Track::ceasefire &&
                        c.backed[k] != scenario.issues[k].status_quo);
    }
    if (!held) {
      out += "no deal";
      continue;
    }
    out += std::string(to_string(c.scope)) + ":";
    for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
      const bool ceasefire = scenario.issues[k].track == Track::ceasefire;
      if (c.scope == Scope::linked ||
          (c.scope == Scope::ceasefire) == ceasefire)
        out += " " + scenario.issues[k].name + " = " +
               scenario.issues[k].options[c.backed[k]].name + ";";
    }
  }
  return out;
}

RegimeChange<std::string> outcome_threshold(const Scenario& scenario,
                                            std::string_view path,
                                            const Rational& lo,
                                            const Rational& hi,
                                            const Rational& tolerance) {
  return find_regime_change(
      [&](const Rational& value) {
        Scenario s = scenario;
        set_parameter(s, path, value);
        return first_round_outcome(s, solve_two_track(s));
      },
      lo, hi, tolerance);
}

}  // namespace bargain
