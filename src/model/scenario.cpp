#include "bargain/model/scenario.hpp"

#include <set>

#include "bargain/error.hpp"

namespace bargain {

namespace {

using detail::element_path;
using detail::field_path;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw ModelError(path + ": " + what);
}

void require_in(const std::string& path, const Rational& x, const Rational& lo,
                const Rational& hi, std::string_view what) {
  if (x < lo || x > hi)
    fail(path, "found " + to_string(x) + ", expected " + std::string(what));
}

void require_distinct_names(const std::string& path,
                            const std::vector<std::string>& names,
                            std::string_view what) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty())
      fail(element_path(path, i), "found an empty name, expected the " +
                                      std::string(what) + "'s name");
    if (!seen.insert(names[i]).second)
      fail(element_path(path, i), "found \"" + names[i] +
                                      "\" a second time, expected distinct " +
                                      std::string(what) + " names");
  }
}

void require_distribution(const std::string& path,
                          const std::vector<Rational>& p, std::size_t size) {
  if (p.size() != size)
    fail(path, "found " + std::to_string(p.size()) +
                   " probabilities, expected " + std::to_string(size));
  Rational total = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    require_in(element_path(path, i), p[i], 0, 1, "a probability in [0, 1]");
    total += p[i];
  }
  if (total != 1)
    fail(path, "the probabilities sum to " + to_string(total) + ", expected 1");
}

void require_odds(const std::string& path, const WarOdds& odds,
                  const std::vector<std::string>& states) {
  const auto matrix = [&](const std::string& where, const TransitionMatrix& m) {
    if (m.size() != states.size())
      fail(where, "found " + std::to_string(m.size()) +
                      " rows, expected one per war state (" +
                      std::to_string(states.size()) + ")");
    for (std::size_t s = 0; s < m.size(); ++s)
      require_distribution(field_path(where, states[s]), m[s], states.size());
  };
  matrix(field_path(path, "without_aid"), odds.without_aid);
  if (!odds.with_aid.empty())
    matrix(field_path(path, "with_aid"), odds.with_aid);
}

void require_actor_index(const std::string& path, std::size_t actor,
                         std::size_t count) {
  if (actor >= count)
    fail(path, "found actor " + std::to_string(actor) +
                   ", expected an actor from 0 to " + std::to_string(count) +
                   " - 1");
}

// Every number must trace back to a source: its own field's or that of an
// object holding it.
void require_sourced(const std::map<std::string, std::string>& sources,
                     const std::string& path) {
  for (std::string p = path;;) {
    if (sources.count(p)) return;
    if (p.empty()) break;
    const auto cut = p.find_last_of(".[");
    p = cut == std::string::npos ? std::string() : p.substr(0, cut);
  }
  fail(path,
       "has no source, expected a \"source\" (a citation, or "
       "\"assumption\") on it or on an object holding it");
}

}  // namespace

std::string detail::field_path(const std::string& parent,
                               std::string_view member) {
  std::string out = parent;
  if (!out.empty()) out += '.';
  out += member;
  return out;
}

std::string detail::element_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

TransitionMatrix WarOdds::at(const Rational& aid) const {
  if (with_aid.empty()) return without_aid;
  TransitionMatrix mixed = without_aid;
  for (std::size_t s = 0; s < mixed.size(); ++s)
    for (std::size_t t = 0; t < mixed[s].size(); ++t)
      mixed[s][t] = (1 - aid) * without_aid[s][t] + aid * with_aid[s][t];
  return mixed;
}

std::string_view to_string(Track track) {
  return track == Track::ceasefire ? "ceasefire" : "settlement";
}

std::string_view to_string(ProtocolKind kind) {
  switch (kind) {
    case ProtocolKind::ceasefire_first:
      return "ceasefire_first";
    case ProtocolKind::settlement_only:
      return "settlement_only";
    case ProtocolKind::grand_bargain:
      return "grand_bargain";
    case ProtocolKind::parallel:
      return "parallel";
  }
  return "?";
}

std::string_view to_string(ProposerRule rule) {
  switch (rule) {
    case ProposerRule::mediator:
      return "mediator";
    case ProposerRule::alternating:
      return "alternating";
    case ProposerRule::random:
      return "random";
  }
  return "?";
}

void Scenario::validate() const {
  constexpr std::size_t kMaxRounds = 1000;
  const auto& states = battlefield.states;
  if (states.empty())
    fail("battlefield.states", "found none, expected at least one war state");
  require_distinct_names("battlefield.states", states, "war state");
  if (battlefield.initial >= states.size())
    fail("battlefield.initial", "found state " +
                                    std::to_string(battlefield.initial) +
                                    ", expected one of the war states");
  require_odds("battlefield.odds", battlefield.odds, states);
  require_in("battlefield.aid", battlefield.aid, 0, 1,
             "an aid level in [0, 1]");
  require_sourced(sources, "battlefield.odds");
  require_sourced(sources, "battlefield.aid");
  require_in("ceasefire.breakdown", ceasefire_breakdown, 0, 1,
             "a probability in [0, 1]");
  require_sourced(sources, "ceasefire.breakdown");

  if (actors.empty()) fail("actors", "found none, expected at least one actor");
  if (issues.empty()) fail("issues", "found none, expected at least one issue");
  std::vector<std::string> names;
  for (const auto& a : actors) names.push_back(a.name);
  require_distinct_names("actors", names, "actor");
  names.clear();
  for (const auto& k : issues) names.push_back(k.name);
  require_distinct_names("issues", names, "issue");

  bool has_ceasefire = false, has_settlement = false;
  for (std::size_t k = 0; k < issues.size(); ++k) {
    const auto& issue = issues[k];
    const std::string path = element_path("issues", k);
    (issue.track == Track::ceasefire ? has_ceasefire : has_settlement) = true;
    if (issue.options.empty())
      fail(field_path(path, "options"),
           "found none, expected at least one option");
    names.clear();
    for (const auto& o : issue.options) names.push_back(o.name);
    require_distinct_names(field_path(path, "options"), names, "option");
    if (issue.status_quo >= issue.options.size())
      fail(field_path(path, "status_quo"),
           "found option " + std::to_string(issue.status_quo) +
               ", expected one of the options");
    std::set<std::size_t> controllers;
    for (std::size_t c = 0; c < issue.controllers.size(); ++c) {
      require_actor_index(element_path(field_path(path, "controllers"), c),
                          issue.controllers[c], actors.size());
      if (!controllers.insert(issue.controllers[c]).second)
        fail(element_path(field_path(path, "controllers"), c),
             "found actor \"" + actors[issue.controllers[c]].name +
                 "\" twice, expected distinct controllers");
    }
    for (std::size_t o = 0; o < issue.options.size(); ++o) {
      const auto& option = issue.options[o];
      const std::string at =
          field_path(field_path(path, "options"), option.name);
      const bool mechanics =
          option.breakdown_factor != 1 || option.fighting_share != 0;
      if (mechanics && issue.track != Track::ceasefire)
        fail(at,
             "sets ceasefire mechanics, expected them on ceasefire "
             "issues only");
      if (option.breakdown_factor < 0)
        fail(field_path(at, "breakdown_factor"),
             "found " + to_string(option.breakdown_factor) +
                 ", expected a factor of 0 or more");
      require_in(field_path(at, "fighting_share"), option.fighting_share, 0, 1,
                 "a share in [0, 1]");
      if (mechanics) require_sourced(sources, at);
    }
  }

  for (std::size_t i = 0; i < actors.size(); ++i) {
    const auto& actor = actors[i];
    const std::string path = element_path("actors", i);
    if (actor.discount <= 0 || actor.discount >= 1)
      fail(field_path(path, "discount"),
           "found " + to_string(actor.discount) +
               ", expected a discount factor in (0, 1)");
    require_sourced(sources, field_path(path, "discount"));
    if (actor.salience.size() != issues.size())
      fail(field_path(path, "salience"),
           "found " + std::to_string(actor.salience.size()) +
               " weights, expected one per issue");
    if (actor.option_value.size() != issues.size())
      fail(field_path(path, "values"),
           "found " + std::to_string(actor.option_value.size()) +
               " issues, expected one per issue");
    for (std::size_t k = 0; k < issues.size(); ++k) {
      const std::string weight =
          field_path(field_path(path, "salience"), issues[k].name);
      if (actor.salience[k] < 0)
        fail(weight, "found " + to_string(actor.salience[k]) +
                         ", expected a weight of 0 or more");
      require_sourced(sources, weight);
      const std::string values =
          field_path(field_path(path, "values"), issues[k].name);
      if (actor.option_value[k].size() != issues[k].options.size())
        fail(values, "found " + std::to_string(actor.option_value[k].size()) +
                         " values, expected one per option (" +
                         std::to_string(issues[k].options.size()) + ")");
      for (std::size_t o = 0; o < issues[k].options.size(); ++o) {
        const std::string value = field_path(values, issues[k].options[o].name);
        require_in(value, actor.option_value[k][o], 0, 1, "a value in [0, 1]");
        require_sourced(sources, value);
      }
    }
    const auto require_flows = [&](const std::string& where,
                                   const std::vector<Rational>& flow) {
      if (flow.size() != states.size())
        fail(where, "found " + std::to_string(flow.size()) +
                        " flows, expected one per war state (" +
                        std::to_string(states.size()) + ")");
      for (std::size_t s = 0; s < states.size(); ++s)
        require_sourced(sources, field_path(where, states[s]));
    };
    require_flows(field_path(path, "war_flow"), actor.war_flow);
    if (actor.beliefs) {
      require_odds(field_path(path, "beliefs"), *actor.beliefs, states);
      require_sourced(sources, field_path(path, "beliefs"));
    }
    if (!actor.types.empty()) {
      const std::string types = field_path(path, "types");
      std::vector<Rational> p;
      names.clear();
      for (std::size_t t = 0; t < actor.types.size(); ++t) {
        p.push_back(actor.types[t].probability);
        names.push_back(actor.types[t].name);
        require_flows(field_path(element_path(types, t), "war_flow"),
                      actor.types[t].war_flow);
        require_sourced(sources,
                        field_path(element_path(types, t), "probability"));
      }
      require_distinct_names(types, names, "type");
      std::vector<Rational> probabilities;
      for (const auto& t : actor.types) probabilities.push_back(t.probability);
      require_distribution(types, probabilities, actor.types.size());
    }
  }

  if (protocol.rounds < 1 || protocol.rounds > kMaxRounds)
    fail("protocol.rounds", "found " + std::to_string(protocol.rounds) +
                                ", expected 1 to " +
                                std::to_string(kMaxRounds));
  if (protocol.proposers.empty())
    fail("protocol.proposers", "found none, expected at least one proposer");
  for (std::size_t p = 0; p < protocol.proposers.size(); ++p)
    require_actor_index(element_path("protocol.proposers", p),
                        protocol.proposers[p], actors.size());
  if (protocol.proposer == ProposerRule::mediator &&
      protocol.proposers.size() != 1)
    fail("protocol.proposers", "found " +
                                   std::to_string(protocol.proposers.size()) +
                                   " actors, expected one mediator");
  if (protocol.proposer == ProposerRule::random) {
    require_distribution("protocol.recognition", protocol.recognition,
                         protocol.proposers.size());
    require_sourced(sources, "protocol.recognition");
  } else if (!protocol.recognition.empty()) {
    fail("protocol.recognition",
         "is given, expected it only with random "
         "recognition");
  }
  if (protocol.kind == ProtocolKind::ceasefire_first && !has_ceasefire)
    fail("protocol.kind",
         "is ceasefire_first, expected a ceasefire issue to "
         "negotiate first");
  if (protocol.kind == ProtocolKind::settlement_only && !has_settlement)
    fail("protocol.kind", "is settlement_only, expected a settlement issue");

  for (std::size_t g = 0; g < guarantees.size(); ++g) {
    const auto& guarantee = guarantees[g];
    const std::string path = element_path("guarantees", g);
    if (guarantee.issue >= issues.size() ||
        issues[guarantee.issue].track != Track::settlement)
      fail(field_path(path, "issue"), "expected a settlement issue");
    require_actor_index(field_path(path, "guarantor"), guarantee.guarantor,
                        actors.size());
    require_actor_index(field_path(path, "aggressor"), guarantee.aggressor,
                        actors.size());
    require_actor_index(field_path(path, "victim"), guarantee.victim,
                        actors.size());
    require_in(field_path(path, "strike_probability"),
               guarantee.strike_probability, 0, 1, "a probability in [0, 1]");
    const std::size_t options = issues[guarantee.issue].options.size();
    if (guarantee.stake.size() != options)
      fail(field_path(path, "stake"),
           "found " + std::to_string(guarantee.stake.size()) +
               " stakes, expected one per option (" + std::to_string(options) +
               ")");
    for (const auto& [name, x] :
         {std::pair<std::string_view, const Rational*>{
              "intervention_cost", &guarantee.intervention_cost},
          {"strike_gain", &guarantee.strike_gain},
          {"victim_loss", &guarantee.victim_loss},
          {"repelled_loss", &guarantee.repelled_loss}})
      if (*x < 0)
        fail(field_path(path, name),
             "found " + to_string(*x) + ", expected a number of 0 or more");
    for (std::size_t o = 0; o < options; ++o)
      if (guarantee.stake[o] < 0)
        fail(field_path(field_path(path, "stake"),
                        issues[guarantee.issue].options[o].name),
             "found " + to_string(guarantee.stake[o]) +
                 ", expected a stake of 0 or more");
    require_sourced(sources, path);
  }
}

}  // namespace bargain
