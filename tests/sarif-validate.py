"""Validates SARIF logs against a JSON schema (tests/data/sarif-schema-2.1.0.json,
the OASIS SARIF 2.1.0 schema) with jsonschema's Draft7Validator and its format
checker.  Every error is printed on standard output as
    FILE: path/in/document: message
(the path is "(root)" for the document itself).  The formats that the schema
uses but this jsonschema cannot check (it checks "uri" and "uri-reference"
only with rfc3987 or rfc3986-validator, "date-time" only with
rfc3339-validator) are named once on standard error, as a "# " comment.
Exit status: 0 when every FILE is valid, 1 when one is not (or is not JSON,
or cannot be read), 2 on a usage error or an invalid schema, 77 (skip) when
the jsonschema module is missing.
Usage: sarif-validate.py SCHEMA FILE..."""
import json
import sys

try:
    import jsonschema
    from jsonschema import Draft7Validator
    from jsonschema.exceptions import best_match
except ImportError:
    print('# sarif-validate: the Python module jsonschema is missing (Debian: python3-jsonschema); skipped',
          file=sys.stderr)
    sys.exit(77)


def where(error):
    return '/'.join(str(p) for p in error.absolute_path) or '(root)'


def formats_used(node, found):
    if isinstance(node, dict):
        if isinstance(node.get('format'), str):
            found.add(node['format'])
        for v in node.values():
            formats_used(v, found)
    elif isinstance(node, list):
        for v in node:
            formats_used(v, found)
    return found


def main(argv):
    if len(argv) < 3:
        print(__doc__.rsplit('\n', 1)[-1], file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding='utf-8') as f:
            schema = json.load(f)
        Draft7Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        print('%s: not a usable schema: %s' % (argv[1], e), file=sys.stderr)
        return 2
    # jsonschema >= 4.12 names the checker Draft7Validator.FORMAT_CHECKER; 4.10 (Debian 12) draft7_format_checker.
    checker = getattr(Draft7Validator, 'FORMAT_CHECKER', None) or jsonschema.draft7_format_checker
    unchecked = sorted(formats_used(schema, set()) - set(checker.checkers))
    if unchecked:
        print('# sarif-validate: formats not checked by this jsonschema: %s' % ', '.join(unchecked), file=sys.stderr)
    validator = Draft7Validator(schema, format_checker=checker)
    failed = False
    for path in argv[2:]:
        try:
            with open(path, encoding='utf-8') as f:
                doc = json.load(f)
        except OSError as e:
            print('%s: (root): cannot be read: %s' % (path, e.strerror))
            failed = True
            continue
        except ValueError as e:
            print('%s: (root): not a JSON document: %s' % (path, e))
            failed = True
            continue
        for error in sorted(validator.iter_errors(doc), key=lambda e: (list(map(str, e.absolute_path)), e.message)):
            message = error.message
            if error.context:  # anyOf / oneOf: say which branch came closest, and why it failed
                best = best_match(error.context)
                message += ' (closest: %s: %s)' % (where(best), best.message)
            print('%s: %s: %s' % (path, where(error), message))
            failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
