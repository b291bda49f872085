"""`python -m thidua` runs the command line."""

from thidua.cli.app import main

main()
