#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""
mutants.py FILE [FUNCTION...]: the one-line mutants of a C file, one per
line of output as "LINE<TAB>DESCRIPTION<TAB>NEW TEXT OF THE LINE" (the new
text with backslashes and tabs escaped as \\\\ and \\t).

Every mutant changes one line of a function body in one of these ways:
  - a comparison turned over (== !=, < >=, <= >, and the reverse),
  - && for || and back,
  - true for false and back; a tristate or exec kind for another
    (TRI_YES TRI_NO, EXEC_NATIVE EXEC_NO EXEC_EMULATED),
  - the line deleted (a statement that ends in ';' and is not a
    declaration or a return),
  - a condition negated (an 'if (' line whose parentheses close on it).
With FUNCTION names, only the bodies of those functions.  Comments,
preprocessor lines and string literals are not mutated.
"""
import re
import sys

SWAPS = [
    (r'==', '!='), (r'!=', '=='),
    (r'(?<![<>-])<=', '>'), (r'(?<![<>-])>=', '<'),
    (r'(?<![<>-])<(?![<=])', '>='), (r'(?<![<>-])>(?![>=])', '<='),
    (r'&&', '||'), (r'\|\|', '&&'),
    (r'\btrue\b', 'false'), (r'\bfalse\b', 'true'),
    (r'\bTRI_YES\b', 'TRI_NO'), (r'\bTRI_NO\b', 'TRI_YES'),
    (r'\bEXEC_NATIVE\b', 'EXEC_NO'), (r'\bEXEC_NO\b', 'EXEC_NATIVE'),
    (r'\bEXEC_EMULATED\b', 'EXEC_NO'),
]
DECL = re.compile(r'^\s*(const\s+|static\s+|unsigned\s+|struct\s+\w+\s*\*?|enum\s+\w+|'
                  r'int|bool|char|size_t|ssize_t|uint\d+_t|long|double|va_list)\b')


def blank_strings(line):
    """The line with string and char literals and comments blanked (same length)."""
    out, i, n = [], 0, len(line)
    while i < n:
        c = line[i]
        if c in '"\'':
            j = i + 1
            while j < n and line[j] != c:
                j += 2 if line[j] == '\\' else 1
            out.append(c + ' ' * (min(j, n - 1) - i - 1) + (c if j < n else ''))
            i = j + 1
        elif line.startswith('//', i):
            out.append(' ' * (n - i))
            break
        elif line.startswith('/*', i):
            j = line.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(' ' * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)[:n]


def main():
    path, wanted = sys.argv[1], set(sys.argv[2:])
    lines = open(path).read().split('\n')
    func, depth, in_comment, last = None, 0, False, ''
    for no, line in enumerate(lines, 1):
        stripped = line.strip()
        # prev: the last line of code before this one.
        prev = last
        if stripped and not in_comment and not stripped.startswith(('/*', '*', '//', '#')):
            last = stripped
        if in_comment:
            if '*/' in line:
                in_comment = False
            continue
        if stripped.startswith('/*') and '*/' not in stripped:
            in_comment = True
            continue
        if depth == 0:
            m = re.match(r'^(?=[a-z]).*?\b(\w+)\(', line)
            if m and not line.endswith(';'):
                func = m.group(1)
            if line.startswith('{'):
                depth = 1
            continue
        code = blank_strings(line)
        depth += code.count('{') - code.count('}')
        if depth <= 0:
            depth, func = 0, None
            continue
        if wanted and func not in wanted:
            continue
        if stripped.startswith(('#', '*', '//', '/*')) or not stripped:
            continue
        for pat, rep in SWAPS:
            for m in re.finditer(pat, code):
                new = line[:m.start()] + rep + line[m.end():]
                emit(no, '%s: %s -> %s' % (func, m.group(0), rep), new)
        # A whole statement on this line: the one before ended a statement
        # or opened a body.
        starts = prev.endswith((';', '{', '}', ')')) or prev == 'else'
        if (starts and stripped.endswith(';') and not DECL.match(line) and
                not stripped.startswith(('return', 'break', 'continue', 'goto', '}', 'case',
                                         'default')) and
                code.count('(') == code.count(')')):
            emit(no, '%s: line deleted' % func, re.match(r'\s*', line).group(0) + ';')
        m = re.match(r'^(\s*(?:\} )?(?:else )?if )\((.*)\)( \{)?$', line)
        if m and code.count('(') == code.count(')'):
            emit(no, '%s: condition negated' % func,
                 '%s(!(%s))%s' % (m.group(1), m.group(2), m.group(3) or ''))


def emit(no, desc, new):
    print('%d\t%s\t%s' % (no, desc, new.replace('\\', '\\\\').replace('\t', '\\t')))


if __name__ == '__main__':
    main()
