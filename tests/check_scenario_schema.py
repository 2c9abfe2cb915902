"""Checks docs/schema/bargain.scenario-1.schema.json against the reader.

Editors check scenario files against the JSON Schema while bargain reads them
with src/io/scenario_json.cpp: the two must agree, or an editor would flag a
file the reader accepts, or pass one it refuses. So this script checks that
  - the schema is a valid draft 2020-12 schema, every member described;
  - every scenarios/*.json, and variants of minimal.json written in the other
    ways the reader accepts (numbers as strings, maps as arrays, random
    recognition, no ceasefire), pass it;
  - documents the reader refuses (an unknown key, a wrong seat, a missing
    member, a bad track, a number object without "value", ...) fail it.
With --bargain BINARY it also runs `bargain solve` on the variants and the bad
documents, which must be accepted and refused (naming the expected field)
alike, so the list of bad documents stays true to the reader.

Run with Debian's /usr/bin/python3 and its python3-jsonschema
(scripts/setup.sh). Exits non-zero, saying what disagrees, on any mismatch.
"""

import argparse
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    sys.exit(
        "check_scenario_schema: the Python module jsonschema is missing; "
        "install Debian's python3-jsonschema (scripts/setup.sh) and run this "
        "with /usr/bin/python3"
    )


def variants(base):
    """Documents the reader accepts, written differently from the examples."""
    out = {}

    d = copy.deepcopy(base)
    d["actors"][0]["discount"] = "19/20"
    d["actors"][1]["discount"] = ".9"
    d["battlefield"]["aid"] = "+0.5"
    d["ceasefire"]["breakdown"] = "2e-1"
    d["protocol"]["rounds"] = {"value": "2", "source": "assumption"}
    d["guarantees"][0]["strike_gain"] = "4/10"
    d["actors"][2]["note"] = ["a note may be", "any JSON value"]
    d["$schema"] = "../docs/schema/bargain.scenario-1.schema.json"
    out["numbers as strings, and the schema named"] = d

    d = copy.deepcopy(base)
    d["battlefield"]["odds"]["without_aid"] = [[0.7, 0.3], [0.4, "3/5"]]
    d["battlefield"]["odds"]["with_aid"]["stalemate"] = [0.2, 0.8]
    d["actors"][1]["war_flow"] = [-0.6, -0.3]
    d["actors"][1]["salience"] = [0.3, 0.1, 0.5]
    d["actors"][1]["values"] = [[0, 0.6, 1], {"kept": 1, "lifted": 0}, [0, 0.5, 1]]
    d["guarantees"][0]["stake"] = [0, 0.1, 0.5]
    out["maps as arrays"] = d

    d = copy.deepcopy(base)
    d["protocol"]["proposer"] = "random"
    d["protocol"]["recognition"] = [{"value": "1/2", "source": "assumption"}, 0.5]
    out["random recognition"] = d

    d = copy.deepcopy(base)
    del d["issues"][0]
    del d["ceasefire"]
    for actor in d["actors"]:
        actor.get("salience", {}).pop("scope", None)
        actor.get("values", {}).pop("scope", None)
    out["no ceasefire issue, no ceasefire member"] = d
    return out


def bad_documents(base):
    """(name, document, what the reader's message must contain)."""

    def changed(change):
        d = copy.deepcopy(base)
        change(d)
        return d

    def drop(d, *path):
        for key in path[:-1]:
            d = d[key]
        del d[path[-1]]

    def set_(d, value, *path):
        for key in path[:-1]:
            d = d[key]
        d[path[-1]] = value

    def no_values(d):
        del d["actors"][2]["values"]

    return [
        ("an unknown key", changed(lambda d: set_(d, "table", "actors", 0, "sea")),
         'actors[0].sea: found an unknown field "sea"'),
        ("a wrong seat", changed(lambda d: set_(d, "observer", "actors", 2, "seat")),
         'actors[2].seat: found the string "observer"'),
        ("a missing required member", changed(lambda d: drop(d, "protocol", "rounds")),
         'protocol: found an object without "rounds"'),
        ("a bad track", changed(lambda d: set_(d, "peace", "issues", 1, "track")),
         'issues[1].track: found the string "peace"'),
        ("a number as an object without \"value\"",
         changed(lambda d: set_(d, {"source": "assumption"}, "actors", 0, "discount")),
         'actors[0].discount: found an object without "value"'),
        ("a number as an object without \"source\"",
         changed(lambda d: set_(d, {"value": 0.95}, "actors", 0, "discount")),
         "actors[0].discount: found an object with 1 field"),
        ("a malformed number", changed(lambda d: set_(d, "3/0", "battlefield", "aid")),
         'battlefield.aid: found the string "3/0"'),
        ("an empty source", changed(lambda d: set_(d, "", "protocol", "source")),
         'protocol.source: found the string ""'),
        ("a ceasefire issue without \"ceasefire\"", changed(lambda d: drop(d, "ceasefire")),
         '(document): found an object without "ceasefire"'),
        ("a positive salience without \"values\"", changed(no_values),
         'actors[2]: found an object without "values"'),
        ("recognition without the random rule",
         changed(lambda d: set_(d, [0.5, 0.5], "protocol", "recognition")),
         "protocol.recognition: is given, expected it only with random"),
        ("ceasefire mechanics on a settlement issue",
         changed(lambda d: set_(d, {"name": "lifted", "breakdown_factor": 2},
                                "issues", 1, "options", 1)),
         "issues[1].options.lifted: sets ceasefire mechanics"),
        ("a discount of 1", changed(lambda d: set_(d, 1, "actors", 1, "discount")),
         "actors[1].discount: found 1, expected a discount factor in (0, 1)"),
        ("a duplicate war state",
         changed(lambda d: set_(d, ["stalemate", "stalemate"], "battlefield", "states")),
         'battlefield.states[1]: found the string "stalemate"'),
    ]


def undescribed(schema):
    """Paths of object members whose schema has no "description"."""
    defs = schema.get("$defs", {})

    def described(member):
        while True:
            if "description" in member:
                return True
            ref = member.get("$ref", "")
            if not ref.startswith("#/$defs/"):
                return False
            member = defs[ref[len("#/$defs/"):]]

    missing = []

    def walk(node, path):
        if isinstance(node, dict):
            for name, member in node.get("properties", {}).items():
                if not described(member):
                    missing.append(f"{path}/properties/{name}")
            for key, child in node.items():
                # Conditions restate members already described.
                if key not in ("if", "then", "else", "not"):
                    walk(child, f"{path}/{key}")
        elif isinstance(node, list):
            for i, child in enumerate(node):
                walk(child, f"{path}/{i}")

    walk(schema, "#")
    return missing


def run_reader(bargain, document, work_dir, name):
    path = os.path.join(work_dir, name.replace(" ", "_").replace('"', "") + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2)
    result = subprocess.run([bargain, "solve", path], capture_output=True,
                            text=True, timeout=300)
    return result.returncode, result.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", required=True)
    parser.add_argument("--scenarios", required=True,
                        help="the folder of example scenarios")
    parser.add_argument("--bargain", help="the bargain command, to check the "
                        "reader agrees on the variants and bad documents")
    args = parser.parse_args()

    problems = []
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.Draft202012Validator
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as e:
        sys.exit(f"{args.schema}: not a valid draft 2020-12 schema: {e.message}")
    if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        problems.append(f"{args.schema}: \"$schema\" is not draft 2020-12")
    for path in undescribed(schema):
        problems.append(f"{args.schema}: {path} has no \"description\"")
    validator = cls(schema)

    def errors(document):
        return sorted(validator.iter_errors(document), key=lambda e: list(e.path))

    def where(error):
        return "/".join(str(p) for p in error.absolute_path) or "(document)"

    files = sorted(glob.glob(os.path.join(args.scenarios, "*.json")))
    if not files:
        problems.append(f"{args.scenarios}: no scenario files found")
    base = None
    for path in files:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        if os.path.basename(path) == "minimal.json":
            base = document
        for e in errors(document):
            problems.append(f"{path}: the schema refuses a scenario the reader "
                            f"accepts, at {where(e)}: {e.message}")
    if base is None:
        sys.exit(f"{args.scenarios}/minimal.json is missing; it is the base of "
                 "the test documents")

    with tempfile.TemporaryDirectory() as work_dir:
        for name, document in variants(base).items():
            for e in errors(document):
                problems.append(f"variant \"{name}\": the schema refuses it at "
                                f"{where(e)}: {e.message}")
            if args.bargain:
                code, err = run_reader(args.bargain, document, work_dir, name)
                if code != 0:
                    problems.append(f"variant \"{name}\": the reader refuses it "
                                    f"too, so it is no test: {err.strip()}")
        for name, document, message in bad_documents(base):
            if not errors(document):
                problems.append(f"bad document \"{name}\": the schema accepts "
                                "it, the reader refuses it")
            if args.bargain:
                code, err = run_reader(args.bargain, document, work_dir, name)
                if code == 0 or message not in err:
                    problems.append(
                        f"bad document \"{name}\": expected the reader to refuse "
                        f"it with \"{message}\", got exit code {code}: "
                        f"{err.strip()}")

    if problems:
        print("The scenario schema and the reader disagree:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    print(f"scenario schema: {len(files)} scenario files and "
          f"{len(variants(base))} variants pass, "
          f"{len(bad_documents(base))} bad documents fail"
          + (", as the reader has it" if args.bargain else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
