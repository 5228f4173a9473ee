#!/usr/bin/env python3
"""Draws reference-rosenbrock-320.png: the figure DescentRender's MatplotlibReferenceTests
draws, made by matplotlib itself (pinned: matplotlib 3.11.2, numpy 2.x) with seaborn's
"whitegrid" style and "notebook" context written out as rcParams.

usage: python3 make_reference.py   (writes beside this script)
"""
import os
import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

assert matplotlib.__version__ == "3.11.2", matplotlib.__version__

plt.rcParams.update({
    "axes.facecolor": "white", "axes.edgecolor": ".8", "axes.grid": True, "axes.axisbelow": True,
    "grid.color": ".8", "text.color": ".15", "xtick.color": ".15", "ytick.color": ".15",
    "xtick.major.size": 0, "ytick.major.size": 0, "font.family": "DejaVu Sans",
    "font.size": 12, "axes.titlesize": 12, "xtick.labelsize": 11, "ytick.labelsize": 11,
    "legend.fontsize": 11, "axes.linewidth": 1.25, "grid.linewidth": 1, "lines.linewidth": 1.5,
    "lines.markersize": 6, "xtick.major.pad": 7, "ytick.major.pad": 7,
})

# The same path as MatplotlibReferenceTests.path.
PATH = np.array([(-1.8, 2.6), (-1.5, 2.1), (-1.2, 1.7), (-1.0, 1.1), (-0.7, 0.6), (-0.4, 0.2),
                 (-0.1, 0.0), (0.2, 0.05), (0.45, 0.2), (0.6, 0.35), (0.75, 0.55), (0.85, 0.7)])

x = np.linspace(-2, 2, 250)
y = np.linspace(-1, 3, 250)
X, Y = np.meshgrid(x, y)
Z = (1 - X) ** 2 + 100 * (Y - X ** 2) ** 2

fig = plt.figure(figsize=(8, 8), dpi=40)
ax = fig.add_subplot(1, 1, 1)
ax.contour(X, Y, Z, np.logspace(-0.5, 3.5, 20), cmap="jet")
# The seed's look: seaborn's deep red path and end, deep green start and minimum, markersize 10.
ax.plot(PATH[:, 0], PATH[:, 1], color="#C44E52", marker="x", label="Optimizer Path")
ax.plot(*PATH[0], "o", color="#55A868", markersize=10, label="Start")
ax.plot(*PATH[-1], "D", color="#C44E52", markersize=10, label="End")
ax.plot(1, 1, "D", color="#55A868", markersize=10, label="Global Minimum")
ax.set_title("Rosenbrock Function: Test\n11 iterations, lr=0.1")
ax.legend(loc="best")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference-rosenbrock-320.png")
fig.savefig(out)
from PIL import Image  # opaque RGB, smallest encoding: the pixels are what the test reads
Image.open(out).convert("RGB").save(out, optimize=True)
