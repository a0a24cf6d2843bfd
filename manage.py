#!/usr/bin/env python
from lianxin.cli import main

if __name__ == "__main__":
    main()
