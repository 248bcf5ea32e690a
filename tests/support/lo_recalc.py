#!/usr/bin/python3
"""Recalculate .xlsx files with LibreOffice, as an independent spreadsheet.

usage: lo_recalc.py IN.xlsx OUT.xlsx [IN2.xlsx OUT2.xlsx ...]
Starts a private headless soffice (temporary profile), loads each workbook hidden, forces a hard
recalculation of every formula (calculateAll), saves it as xlsx, then shuts soffice down.
Needs Debian's libreoffice-calc-nogui and python3-uno.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.25)
    raise SystemExit("soffice did not start")


def main(pairs):
    profile = tempfile.mkdtemp(prefix="kachi_lo_")
    pipe = "kachi_%d" % os.getpid()
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for src, dst in pairs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                               (prop("Hidden", True),))
            doc.calculateAll()
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                           (prop("FilterName", "Calc Office Open XML"), prop("Overwrite", True)))
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) < 2 or len(args) % 2:
        raise SystemExit(__doc__)
    main(list(zip(args[0::2], args[1::2])))
