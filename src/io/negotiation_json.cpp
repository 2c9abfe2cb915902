#include "bargain/io/negotiation_json.hpp"

#include <set>

namespace bargain {

namespace {

std::string text(std::string_view s) { return std::string(s); }

void read_issue(IssueSpace& space, TrackId track, const JsonValue& value) {
  value.allow_only({"name", "range", "options", "source", "note"});
  const std::string name = text(value.at("name").as_string());
  if (space.find_issue(name))
    value.at("name").fail("an issue name not used before");
  const JsonValue* range = value.find("range");
  const JsonValue* options = value.find("options");
  if ((range == nullptr) == (options == nullptr))
    value.fail("an issue with either \"range\" [lo, hi] or \"options\"");
  if (range) {
    if (!range->is_array() || range->size() != 2)
      range->fail("a range [lo, hi] of two numbers");
    const Rational lo = (*range)[0].as_rational();
    const Rational hi = (*range)[1].as_rational();
    if (hi < lo) range->fail("a range [lo, hi] with lo <= hi");
    space.add_issue(track, Issue::continuous(name, lo, hi));
    return;
  }
  if (!options->is_array() || options->size() == 0)
    options->fail("a non-empty array of options");
  std::vector<IssueOption> list;
  std::set<std::string> names;
  std::set<Rational> positions;
  for (std::size_t o = 0; o < options->size(); ++o) {
    const JsonValue& option = (*options)[o];
    IssueOption parsed;
    if (option.is_string()) {
      parsed = {text(option.as_string()), Rational(static_cast<long>(o))};
    } else {
      option.allow_only({"name", "position", "source", "note"});
      parsed = {text(option.at("name").as_string()),
                option.at("position").as_rational()};
    }
    if (!names.insert(parsed.name).second)
      option.fail("an option name not used before on this issue");
    if (!positions.insert(parsed.position).second)
      option.fail("an option at a position no other option holds");
    list.push_back(std::move(parsed));
  }
  space.add_issue(track, Issue::discrete(name, std::move(list)));
}

// A position on an issue: a number, or for a discrete issue an option name.
Rational read_position(const Issue& issue, const JsonValue& value,
                       bool must_be_allowed) {
  if (value.is_string() && issue.is_discrete()) {
    if (const auto o = issue.find_option(value.as_string()))
      return issue.options()[*o].position;
    value.fail("the name of an option of \"" + issue.name() + "\"");
  }
  const Rational x = value.as_rational();
  if (must_be_allowed && !issue.allows(x))
    value.fail(issue.is_continuous()
                   ? "a value in [" + to_string(issue.lo()) + ", " +
                         to_string(issue.hi()) + "]"
                   : "the position or name of an option of \"" + issue.name() +
                         "\"");
  return x;
}

// An object giving some issues a value each: unknown issues are errors.
template <class Read>
void for_each_issue(const IssueSpace& space, const JsonValue& object,
                    Read&& read) {
  if (!object.is_object()) object.fail("an object keyed by issue name");
  for (const JsonValue& member : object.members()) {
    const auto issue = space.find_issue(member.key());
    if (!issue) member.fail("the name of an issue");
    read(*issue, member);
  }
}

Package read_package(const IssueSpace& space, const JsonValue& value) {
  Package x(space.issue_count());
  std::vector<bool> given(space.issue_count(), false);
  for_each_issue(space, value, [&](IssueId i, const JsonValue& member) {
    x[i] = read_position(space.issue(i), member, true);
    given[i] = true;
  });
  for (IssueId i = 0; i < space.issue_count(); ++i)
    if (!given[i])
      value.fail("a position for every issue (\"" + space.issue(i).name() +
                 "\" is missing)");
  return x;
}

Rational read_probability(const JsonValue& value) {
  const Rational p = value.as_rational();
  if (p < 0 || p > 1) value.fail("a probability in [0, 1]");
  return p;
}

Actor read_actor(const IssueSpace& space, const JsonValue& value) {
  value.allow_only({"name", "ideal", "salience", "loss", "utility_at_ideal",
                    "reservation", "source", "note"});
  Actor actor{text(value.at("name").as_string()),
              Preference::spatial({}, {}, Loss::linear), 0};
  const std::size_t n = space.issue_count();
  std::vector<Rational> salience(n, Rational(0)), ideal(n, Rational(0));
  if (const JsonValue* s = value.find("salience")) {
    for_each_issue(space, *s, [&](IssueId i, const JsonValue& member) {
      salience[i] = member.as_rational();
      if (salience[i] < 0) member.fail("a salience of 0 or more");
    });
  } else {
    salience.assign(n, Rational(1));
  }
  const JsonValue& ideal_value = value.at("ideal");
  std::vector<bool> given(n, false);
  for_each_issue(space, ideal_value, [&](IssueId i, const JsonValue& member) {
    ideal[i] = read_position(space.issue(i), member, false);
    given[i] = true;
  });
  for (IssueId i = 0; i < n; ++i)
    if (!given[i] && salience[i] != 0)
      ideal_value.fail(
          "an ideal position for every issue the actor cares "
          "about (\"" +
          space.issue(i).name() + "\" is missing)");
  Loss loss = Loss::linear;
  if (const JsonValue* l = value.find("loss")) {
    if (l->is_string() && l->as_string() == "quadratic")
      loss = Loss::quadratic;
    else if (!l->is_string() || l->as_string() != "linear")
      l->fail("\"linear\" or \"quadratic\"");
  }
  const JsonValue* at_ideal = value.find("utility_at_ideal");
  actor.preference =
      Preference::spatial(std::move(ideal), std::move(salience), loss,
                          at_ideal ? at_ideal->as_rational() : Rational(0));
  const JsonValue& reservation = value.at("reservation");
  if (!reservation.is_object()) {
    actor.reservation = reservation.as_rational();
    return actor;
  }
  reservation.allow_only({"war"});
  const JsonValue& war = reservation.at("war");
  war.allow_only(
      {"win_probability", "cost", "victory", "defeat", "source", "note"});
  const Rational cost = war.at("cost").as_rational();
  if (cost < 0) war.at("cost").fail("a cost of 0 or more");
  // One statement each, so errors are found in the order of the file.
  const Rational p_victory = read_probability(war.at("win_probability"));
  const Package victory = read_package(space, war.at("victory"));
  const Package defeat = read_package(space, war.at("defeat"));
  actor.reservation =
      war_reservation(actor.preference, victory, defeat, p_victory, cost);
  return actor;
}

}  // namespace

Negotiation read_negotiation(const JsonValue& value) {
  value.allow_only({"format", "title", "tracks", "actors", "source", "note"});
  const JsonValue& format = value.at("format");
  if (!format.is_string() || format.as_string() != kNegotiationFormat)
    format.fail("\"" + std::string(kNegotiationFormat) + "\"");
  Negotiation out;
  if (const JsonValue* title = value.find("title"))
    out.title = text(title->as_string());
  const JsonValue& tracks = value.at("tracks");
  if (!tracks.is_array() || tracks.size() == 0)
    tracks.fail("a non-empty array of tracks");
  for (const JsonValue& track : tracks.elements()) {
    track.allow_only({"name", "issues", "source", "note"});
    const std::string name = text(track.at("name").as_string());
    if (out.space.find_track(name))
      track.at("name").fail("a track name not used before");
    const TrackId id = out.space.add_track(name);
    const JsonValue& issues = track.at("issues");
    if (!issues.is_array() || issues.size() == 0)
      issues.fail("a non-empty array of issues");
    for (const JsonValue& issue : issues.elements())
      read_issue(out.space, id, issue);
  }
  const JsonValue& actors = value.at("actors");
  if (!actors.is_array() || actors.size() == 0)
    actors.fail("a non-empty array of actors");
  std::set<std::string> names;
  for (const JsonValue& actor : actors.elements()) {
    out.actors.push_back(read_actor(out.space, actor));
    if (!names.insert(out.actors.back().name).second)
      actor.at("name").fail("an actor name not used before");
  }
  return out;
}

Negotiation read_negotiation_file(const std::filesystem::path& path) {
  const JsonDocument document = read_json_file(path);
  return read_negotiation(document.root());
}

}  // namespace bargain
