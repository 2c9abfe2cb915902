#include "bargain/io/scenario_json.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace bargain {

namespace {

// Field paths as Scenario::validate() writes them, so that a source recorded
// here is found where validate() looks: members joined with '.', names
// inside maps keyed by name as members, arrays with [i]. (JsonValue::path()
// quotes names that are not identifiers, which validate() does not.)
using detail::element_path;
using detail::field_path;

std::string in_quotes(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

// `file:line:col: field: `, how a message about a value starts.
std::string place(const JsonValue& value) {
  const SourceLocation where = value.where();
  const std::string path = value.path();
  std::string out = where.file;
  out += ':' + std::to_string(where.line) + ':' + std::to_string(where.column) +
         ": ";
  out += path.empty() ? "(document)" : path;
  out += ": ";
  return out;
}

// The elements of an array of `what` (plural), refused with LimitError
// beyond `limit` before any of them is read.
std::span<const JsonValue> elements_of(const JsonValue& value,
                                       std::string_view what,
                                       std::size_t limit = SIZE_MAX) {
  if (!value.is_array()) value.fail("an array of " + std::string(what));
  if (value.size() > limit)
    throw LimitError(place(value) + "found " + std::to_string(value.size()) +
                     " " + std::string(what) + ", expected at most " +
                     std::to_string(limit) + " (the reader's limit)");
  return value.elements();
}

// One of a few words, each standing for a value of T.
template <class T>
T one_of(const JsonValue& value,
         std::initializer_list<std::pair<std::string_view, T>> choices) {
  if (value.is_string())
    for (const auto& choice : choices)
      if (value.as_string() == choice.first) return choice.second;
  std::string expected;
  for (const auto& choice : choices) {
    if (&choice != choices.begin())
      expected += &choice == choices.end() - 1 ? " or " : ", ";
    expected += in_quotes(choice.first);
  }
  value.fail(expected);
}

// A choice spelt as the model spells it (to_string of the enum).
template <class Enum>
std::pair<std::string_view, Enum> spelt(Enum value) {
  return {to_string(value), value};
}

// "a war state", "an issue".
std::string with_article(std::string_view noun) {
  std::string out =
      std::string_view("aeiou").find(noun[0]) == std::string_view::npos ? "a "
                                                                        : "an ";
  out += noun;
  return out;
}

// Adds the name `value` holds to `list`. A name declared twice could not be
// referred to, so the second is refused where it is written.
void declare(std::vector<std::string>& list, const JsonValue& value,
             std::string_view noun) {
  const std::string_view name = value.as_string();
  if (std::find(list.begin(), list.end(), name) != list.end())
    value.fail(with_article(noun) + " name not used before");
  list.emplace_back(name);
}

// Declared names a file refers to: actors, issues, an issue's options, war
// states. `noun` says what one of them is ("option of \"scope\"").
struct Names {
  std::string noun;
  const std::vector<std::string>& list;

  std::optional<std::size_t> find(std::string_view name) const {
    const auto it = std::find(list.begin(), list.end(), name);
    if (it == list.end()) return std::nullopt;
    return static_cast<std::size_t>(it - list.begin());
  }

  // The index of the name `value` holds.
  std::size_t index_of(const JsonValue& value) const {
    if (value.is_string())
      if (const auto index = find(value.as_string())) return *index;
    unknown(value);
  }

  [[noreturn]] void unknown(const JsonValue& value) const {
    constexpr std::size_t kShown = 8;
    std::string expected = "the name of " + with_article(noun) + " (";
    for (std::size_t i = 0; i < std::min(list.size(), kShown); ++i) {
      if (i > 0) expected += ", ";
      expected += in_quotes(list[i]);
    }
    if (list.empty()) expected += "none declared";
    if (list.size() > kShown)
      expected += ", ... " + std::to_string(list.size()) + " in all";
    expected += ")";
    value.fail(expected);
  }
};

class ScenarioReader {
 public:
  Scenario read(const JsonValue& root) && {
    const JsonValue& format = root.at("format");
    if (!format.is_string() || format.as_string() != kScenarioFormat)
      format.fail(in_quotes(kScenarioFormat));
    // "$schema" lets an editor find docs/schema/bargain.scenario-1.schema.json.
    root.allow_only({"$schema", "format", "title", "description", "source",
                     "note", "battlefield", "ceasefire", "issues", "actors",
                     "protocol", "guarantees"});
    if (const JsonValue* title = root.find("title"))
      out_.title = title->as_string();
    if (const JsonValue* description = root.find("description"))
      out_.description = description->as_string();
    source_of(root, "");
    read_battlefield(root.at("battlefield"));
    // Issues name their controllers before the actors are read.
    const auto actor_list =
        elements_of(root.at("actors"), "actors", ScenarioLimits::max_actors);
    for (const JsonValue& actor : actor_list)
      declare(actor_names_, actor.at("name"), "actor");
    const auto issue_list =
        elements_of(root.at("issues"), "issues", ScenarioLimits::max_issues);
    for (std::size_t k = 0; k < issue_list.size(); ++k)
      read_issue(issue_list[k], element_path("issues", k));
    read_ceasefire(root);
    for (std::size_t i = 0; i < actor_list.size(); ++i)
      read_actor(actor_list[i], element_path("actors", i));
    read_protocol(root.at("protocol"));
    if (const JsonValue* guarantees = root.find("guarantees")) {
      const auto list = elements_of(*guarantees, "guarantees");
      for (std::size_t g = 0; g < list.size(); ++g)
        read_guarantee(list[g], element_path("guarantees", g));
    }
    return std::move(out_);
  }

 private:
  Names states() const { return {"war state", out_.battlefield.states}; }
  Names actors() const { return {"actor", actor_names_}; }
  Names issues() const { return {"issue", issue_names_}; }
  Names options(std::size_t issue) const {
    return {"option of " + in_quotes(issue_names_[issue]),
            option_names_[issue]};
  }

  void source_of(const JsonValue& object, const std::string& path) {
    const JsonValue* source = object.find("source");
    if (!source) return;
    if (!source->is_string() || source->as_string().empty())
      source->fail("a citation, or \"assumption\"");
    out_.sources[path] = source->as_string();
  }

  void default_zero(const std::string& path) {
    out_.sources[path] = kDefaultSource;
  }

  // The number `value` holds, bare or as {"value", "source"}.
  Rational number(const JsonValue& value, const std::string& path) {
    if (!value.is_object()) return value.as_rational();
    value.allow_only({"value", "source", "note"});
    if (!value.find("source"))
      value.fail("a number, or {\"value\": ..., \"source\": ...}");
    source_of(value, path);
    return value.at("value").as_rational();
  }

  // Calls read(index, entry) for each entry of a map keyed by `names`: an
  // object by name or an array in declaration order. Returns which names
  // were given.
  template <class Read>
  std::vector<bool> each_named(const JsonValue& map, const Names& names,
                               Read&& read) {
    std::vector<bool> given(names.list.size(), false);
    if (map.is_array()) {
      if (map.size() != names.list.size())
        map.fail("an array of " + std::to_string(names.list.size()) +
                 " entries, one per " + names.noun + " in declaration order");
      for (std::size_t i = 0; i < map.size(); ++i) read(i, map[i]);
      given.assign(given.size(), true);
    } else if (map.is_object()) {
      for (const JsonValue& member : map.members()) {
        const auto index = names.find(member.key());
        if (!index) names.unknown(member);
        read(*index, member);
        given[*index] = true;
      }
    } else {
      map.fail("an object keyed by " + names.noun +
               " name, or an array in declaration order");
    }
    return given;
  }

  static void require_all(const JsonValue& map, const Names& names,
                          const std::vector<bool>& given) {
    for (std::size_t i = 0; i < given.size(); ++i)
      if (!given[i])
        map.fail("an entry for every " + names.noun + " (" +
                 in_quotes(names.list[i]) + " is missing)");
  }

  // A number for each of `names`, as a map keyed by them.
  std::vector<Rational> numbers(const JsonValue& map, const std::string& path,
                                const Names& names) {
    std::vector<Rational> out(names.list.size());
    require_all(map, names,
                each_named(map, names, [&](std::size_t i, const JsonValue& x) {
                  out[i] = number(x, field_path(path, names.list[i]));
                }));
    return out;
  }

  TransitionMatrix read_matrix(const JsonValue& value,
                               const std::string& path) {
    TransitionMatrix rows(out_.battlefield.states.size());
    require_all(
        value, states(),
        each_named(value, states(), [&](std::size_t s, const JsonValue& row) {
          rows[s] = numbers(row, field_path(path, states().list[s]), states());
        }));
    return rows;
  }

  WarOdds read_odds(const JsonValue& value, const std::string& path) {
    value.allow_only({"without_aid", "with_aid", "source", "note"});
    source_of(value, path);
    WarOdds odds;
    odds.without_aid =
        read_matrix(value.at("without_aid"), field_path(path, "without_aid"));
    if (const JsonValue* with_aid = value.find("with_aid"))
      odds.with_aid = read_matrix(*with_aid, field_path(path, "with_aid"));
    return odds;
  }

  void read_battlefield(const JsonValue& value) {
    const std::string path = "battlefield";
    value.allow_only({"states", "initial", "odds", "aid", "source", "note"});
    source_of(value, path);
    Battlefield& battlefield = out_.battlefield;
    for (const JsonValue& state : elements_of(value.at("states"), "war states",
                                              ScenarioLimits::max_war_states))
      declare(battlefield.states, state, "war state");
    battlefield.initial = states().index_of(value.at("initial"));
    battlefield.odds = read_odds(value.at("odds"), field_path(path, "odds"));
    if (const JsonValue* aid = value.find("aid"))
      battlefield.aid = number(*aid, field_path(path, "aid"));
    else
      default_zero(field_path(path, "aid"));
  }

  // After the issues: the breakdown probability is needed only when there
  // is a ceasefire issue.
  void read_ceasefire(const JsonValue& root) {
    const std::string path = "ceasefire";
    const JsonValue* ceasefire = root.find(path);
    if (!ceasefire) {
      if (std::any_of(out_.issues.begin(), out_.issues.end(),
                      [](const ScenarioIssue& issue) {
                        return issue.track == Track::ceasefire;
                      }))
        root.at(path);  // says it is missing
      default_zero(field_path(path, "breakdown"));
      return;
    }
    ceasefire->allow_only({"breakdown", "source", "note"});
    source_of(*ceasefire, path);
    out_.ceasefire_breakdown =
        number(ceasefire->at("breakdown"), field_path(path, "breakdown"));
  }

  void read_issue(const JsonValue& value, const std::string& path) {
    value.allow_only({"name", "track", "options", "status_quo", "controllers",
                      "source", "note"});
    source_of(value, path);
    ScenarioIssue& issue = out_.issues.emplace_back();
    declare(issue_names_, value.at("name"), "issue");
    issue.name = issue_names_.back();
    issue.track = one_of<Track>(
        value.at("track"), {spelt(Track::ceasefire), spelt(Track::settlement)});
    auto& names = option_names_.emplace_back();
    for (const JsonValue& option : elements_of(value.at("options"), "options",
                                               ScenarioLimits::max_options)) {
      if (option.is_object())
        option.allow_only(
            {"name", "breakdown_factor", "fighting_share", "source", "note"});
      else if (!option.is_string())
        option.fail("an option's name, or an object with its \"name\"");
      declare(names, option.is_string() ? option : option.at("name"), "option");
      ScenarioOption& parsed = issue.options.emplace_back();
      parsed.name = names.back();
      if (option.is_string()) continue;
      const std::string at =
          field_path(field_path(path, "options"), parsed.name);
      source_of(option, at);
      if (const JsonValue* factor = option.find("breakdown_factor"))
        parsed.breakdown_factor =
            number(*factor, field_path(at, "breakdown_factor"));
      if (const JsonValue* share = option.find("fighting_share"))
        parsed.fighting_share =
            number(*share, field_path(at, "fighting_share"));
    }
    issue.status_quo = static_cast<std::uint32_t>(
        options(issue_names_.size() - 1).index_of(value.at("status_quo")));
    if (const JsonValue* controllers = value.find("controllers"))
      for (const JsonValue& actor : elements_of(*controllers, "actor names"))
        issue.controllers.push_back(actors().index_of(actor));
  }

  void read_actor(const JsonValue& value, const std::string& path) {
    value.allow_only({"name", "roles", "seat", "discount", "salience", "values",
                      "war_flow", "beliefs", "types", "source", "note"});
    source_of(value, path);
    ScenarioActor& actor = out_.actors.emplace_back();
    actor.name = value.at("name").as_string();
    if (const JsonValue* roles = value.find("roles"))
      for (const JsonValue& role : elements_of(*roles, "roles"))
        actor.*one_of<bool ScenarioActor::*>(
                   role, {{"belligerent", &ScenarioActor::belligerent},
                          {"patron", &ScenarioActor::patron},
                          {"guarantor", &ScenarioActor::guarantor}}) = true;
    actor.at_table =
        one_of<bool>(value.at("seat"), {{"table", true}, {"outside", false}});
    actor.discount = number(value.at("discount"), field_path(path, "discount"));

    const std::size_t n = issue_names_.size();
    const std::string salience = field_path(path, "salience");
    actor.salience.assign(n, Rational(0));
    std::vector<bool> weighted(n, false);
    if (const JsonValue* map = value.find("salience"))
      weighted =
          each_named(*map, issues(), [&](std::size_t k, const JsonValue& w) {
            actor.salience[k] =
                number(w, field_path(salience, issue_names_[k]));
          });
    const std::string values = field_path(path, "values");
    actor.option_value.resize(n);
    std::vector<bool> valued(n, false);
    if (const JsonValue* map = value.find("values"))
      valued =
          each_named(*map, issues(), [&](std::size_t k, const JsonValue& v) {
            actor.option_value[k] =
                numbers(v, field_path(values, issue_names_[k]), options(k));
          });
    for (std::size_t k = 0; k < n; ++k) {
      if (!weighted[k]) default_zero(field_path(salience, issue_names_[k]));
      if (valued[k]) continue;
      if (actor.salience[k] > 0)
        value.at("values").fail(
            "values for every issue of positive salience (" +
            in_quotes(issue_names_[k]) + " is missing)");
      actor.option_value[k].assign(option_names_[k].size(), Rational(0));
      default_zero(field_path(values, issue_names_[k]));
    }

    actor.war_flow =
        numbers(value.at("war_flow"), field_path(path, "war_flow"), states());
    if (const JsonValue* beliefs = value.find("beliefs"))
      actor.beliefs = read_odds(*beliefs, field_path(path, "beliefs"));
    if (const JsonValue* types = value.find("types")) {
      const auto list = elements_of(*types, "types", ScenarioLimits::max_types);
      for (std::size_t t = 0; t < list.size(); ++t) {
        const JsonValue& type = list[t];
        const std::string at = element_path(field_path(path, "types"), t);
        type.allow_only({"name", "probability", "war_flow", "source", "note"});
        source_of(type, at);
        actor.types.push_back(
            {std::string(type.at("name").as_string()),
             number(type.at("probability"), field_path(at, "probability")),
             numbers(type.at("war_flow"), field_path(at, "war_flow"),
                     states())});
      }
    }
  }

  void read_protocol(const JsonValue& value) {
    const std::string path = "protocol";
    value.allow_only({"kind", "proposer", "proposers", "recognition", "rounds",
                      "source", "note"});
    source_of(value, path);
    Protocol& protocol = out_.protocol;
    protocol.kind = one_of<ProtocolKind>(
        value.at("kind"),
        {spelt(ProtocolKind::ceasefire_first),
         spelt(ProtocolKind::settlement_only),
         spelt(ProtocolKind::grand_bargain), spelt(ProtocolKind::parallel)});
    protocol.proposer = one_of<ProposerRule>(
        value.at("proposer"),
        {spelt(ProposerRule::mediator), spelt(ProposerRule::alternating),
         spelt(ProposerRule::random)});
    for (const JsonValue& actor :
         elements_of(value.at("proposers"), "actor names"))
      protocol.proposers.push_back(actors().index_of(actor));
    if (const JsonValue* recognition = value.find("recognition")) {
      const auto list = elements_of(*recognition, "probabilities");
      for (std::size_t p = 0; p < list.size(); ++p)
        protocol.recognition.push_back(
            number(list[p], element_path(field_path(path, "recognition"), p)));
    }
    const JsonValue& rounds = value.at("rounds");
    const Rational count = number(rounds, field_path(path, "rounds"));
    // validate() bounds the count; here it only has to fit.
    if (denominator(count) != 1 || count < 1 || count > SIZE_MAX)
      rounds.fail("a whole number of rounds, 1 or more");
    protocol.rounds = numerator(count).convert_to<std::size_t>();
  }

  void read_guarantee(const JsonValue& value, const std::string& path) {
    value.allow_only({"issue", "guarantor", "aggressor", "victim",
                      "strike_probability", "intervention_cost", "stake",
                      "strike_gain", "victim_loss", "repelled_loss", "source",
                      "note"});
    source_of(value, path);
    Guarantee& guarantee = out_.guarantees.emplace_back();
    guarantee.issue = issues().index_of(value.at("issue"));
    for (const auto& [name, member] :
         {std::pair{"guarantor", &Guarantee::guarantor},
          std::pair{"aggressor", &Guarantee::aggressor},
          std::pair{"victim", &Guarantee::victim}})
      guarantee.*member = actors().index_of(value.at(name));
    for (const auto& [name, member] :
         {std::pair{"strike_probability", &Guarantee::strike_probability},
          std::pair{"intervention_cost", &Guarantee::intervention_cost},
          std::pair{"strike_gain", &Guarantee::strike_gain},
          std::pair{"victim_loss", &Guarantee::victim_loss},
          std::pair{"repelled_loss", &Guarantee::repelled_loss}})
      guarantee.*member = number(value.at(name), field_path(path, name));
    guarantee.stake = numbers(value.at("stake"), field_path(path, "stake"),
                              options(guarantee.issue));
  }

  Scenario out_;
  std::vector<std::string> actor_names_, issue_names_;
  std::vector<std::vector<std::string>> option_names_;  // per issue
};

}  // namespace

Scenario read_scenario(const JsonValue& value) {
  Scenario scenario = ScenarioReader().read(value);
  try {
    scenario.validate();
  } catch (const ModelError& e) {
    std::string message = value.where().file;
    message += ": ";
    message += e.what();
    throw ModelError(message);
  }
  return scenario;
}

Scenario read_scenario_file(const std::filesystem::path& path) {
  const JsonDocument document = read_json_file(path);
  return read_scenario(document.root());
}

}  // namespace bargain
