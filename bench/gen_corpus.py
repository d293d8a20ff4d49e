#!/usr/bin/env python3
"""Writes the benchmark corpus: a deterministic mix of clinic-like text and CSV, incompressible
binaries and 20,000 small files. Same seed and scale, same bytes, on any machine.

usage: gen_corpus.py DIR [--seed N] [--scale F]
  --scale 1.0 gives about 1.1 GiB; smaller values shrink the big files (for trying the script).
"""
import argparse
import os
import random

MIB = 1 << 20

SURNAMES = ["Schmidt", "Mueller", "Meyer", "Schulz", "Wagner", "Becker", "Hoffmann", "Koch",
            "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krueger",
            "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Koehler", "Maier", "Fuchs"]
GIVEN = ["Anna", "Lena", "Marie", "Sophie", "Paul", "Lukas", "Felix", "Jonas", "Emma", "Mia",
         "Ben", "Noah", "Elias", "Hanna", "Lea", "Clara", "Max", "Emil", "Ida", "Greta"]
CODES = ["J06.9", "I10.90", "E11.9", "M54.5", "K21.9", "F32.9", "J45.9", "E78.0", "Z00.0",
         "R51", "N39.0", "L30.9", "H10.9", "B34.9", "R05", "G43.9", "K52.9", "M17.1"]
DRUGS = ["Ibuprofen 400mg", "Metformin 500mg", "Ramipril 5mg", "Amoxicillin 1000mg",
         "Pantoprazol 40mg", "Simvastatin 20mg", "Salbutamol DA", "Levothyroxin 50ug",
         "Metoprolol 47.5mg", "Novaminsulfon 500mg", "Candesartan 8mg", "Sertralin 50mg"]
NOTES = ["Patient berichtet Besserung", "Kontrolle in 2 Wochen", "Labor unauffaellig",
         "Ueberweisung Facharzt", "AU fuer 3 Tage", "Blutdruck gut eingestellt",
         "Impfung durchgefuehrt", "Rezept ausgestellt", "Befund besprochen", "keine Beschwerden",
         "Wundkontrolle reizlos", "Medikation angepasst", "Diaet besprochen", "EKG Sinusrhythmus"]


def line_pool(rng, n):
    """Distinct record lines to draw from: CSV rows and HL7-ish segments."""
    out = []
    for i in range(n):
        pid = rng.randrange(100000, 999999)
        date = "20%02d-%02d-%02d" % (rng.randrange(15, 25), rng.randrange(1, 13), rng.randrange(1, 29))
        sn, gn = rng.choice(SURNAMES), rng.choice(GIVEN)
        k = i % 4
        if k == 0:
            out.append("%d;%s;%s;%s;%s;%s;%.1f;%d/%d" % (
                pid, sn, gn, date, rng.choice(CODES), rng.choice(DRUGS),
                rng.uniform(35.5, 39.5), rng.randrange(100, 170), rng.randrange(60, 100)))
        elif k == 1:
            out.append("PID|1||%d^^^PRAXIS||%s^%s||19%02d%02d%02d|%s" % (
                pid, sn, gn, rng.randrange(30, 99), rng.randrange(1, 13), rng.randrange(1, 29),
                rng.choice("MFD")))
        elif k == 2:
            out.append("OBX|%d|NM|%s^%s||%.2f|mmol/l|%.1f-%.1f|N|||F|||%s" % (
                rng.randrange(1, 20), rng.choice(CODES), rng.choice(DRUGS),
                rng.uniform(0.5, 12), rng.uniform(0.1, 3), rng.uniform(4, 9), date.replace("-", "")))
        else:
            out.append("%s %s, %s (%d): %s. %s." % (
                date, sn, gn, pid, rng.choice(NOTES), rng.choice(NOTES)))
    return out


def write_text(path, rng, pool, size):
    with open(path, "w", encoding="ascii", newline="\n") as f:
        left = size
        while left > 0:
            block = "\n".join(rng.choices(pool, k=20000)) + "\n"
            if len(block) > left:
                block = block[:left]
            f.write(block)
            left -= len(block)


def write_binary(path, rng, size):
    with open(path, "wb") as f:
        left = size
        while left > 0:
            n = min(left, 8 * MIB)
            f.write(rng.randbytes(n))
            left -= n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = line_pool(rng, 200000)
    root = a.dir
    s = a.scale

    # Compressible: exports, lab logs and notes, about 480 MiB in 40 files of 2..22 MiB.
    os.makedirs(os.path.join(root, "exports"), exist_ok=True)
    for i in range(40):
        size = int((2 + (i * 7) % 21) * MIB * s)
        ext = ("csv", "hl7", "txt")[i % 3]
        write_text(os.path.join(root, "exports", "export-%03d.%s" % (i, ext)), rng, pool, size)

    # Incompressible: scans and images, about 560 MiB: two large files and 36 of 4..19 MiB.
    os.makedirs(os.path.join(root, "scans"), exist_ok=True)
    big = [150, 100]
    for i, m in enumerate(big):
        write_binary(os.path.join(root, "scans", "archive-%d.bin" % i), rng, int(m * MIB * s))
    for i in range(36):
        size = int((4 + (i * 5) % 16) * MIB * s)
        write_binary(os.path.join(root, "scans", "scan-%03d.jpg" % i), rng, size)

    # 20,000 small files (letters, forms, thumbnails) in 200 folders, 256 B .. 12 KiB each;
    # two thirds text, one third binary.
    for d in range(200):
        folder = os.path.join(root, "patients", "p%03d" % d)
        os.makedirs(folder, exist_ok=True)
        for j in range(100):
            size = rng.randrange(256, 12 * 1024)
            if j % 3 == 2:
                with open(os.path.join(folder, "thumb-%03d.png" % j), "wb") as f:
                    f.write(rng.randbytes(size))
            else:
                text = "\n".join(rng.choices(pool, k=size // 40 + 1))[:size]
                with open(os.path.join(folder, "note-%03d.txt" % j), "w", encoding="ascii") as f:
                    f.write(text)


if __name__ == "__main__":
    main()
