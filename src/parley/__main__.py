"""Allow ``python -m parley`` as an alias of the ``parley`` command."""

from parley.cli.app import main

main()
