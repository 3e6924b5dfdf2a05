"""Peer of `logi simulate` for the pure-Markov benchmark: the same stochastic cohort model, vectorised
over iterations with NumPy.

Reads the compiled model that bench/run.js exports (states, transitions with their distributions,
inflows, territories), and for every territory and both arms (baseline and program, which have no
program here) runs, per iteration and year: parameter draws (PSA, shared by territories and arms),
conditional-binomial multinomial transitions, Poisson inflows; then summarises counts and flows
and everything logi summarises for such a model: counts, flows, named events (sums of flows) and
inflows, as mean, sd, median, 2.5 % and 97.5 % percentiles and MCSE, per territory and for the sum
over territories, for both arms and their paired difference, on both scales (people, and per
100,000 inhabitants), and writes them as JSON. Usage: markov_numpy.py MODEL.json ITERATIONS OUT.json
"""
import json
import sys

import numpy as np


def sample(spec, rng, n):
    kind = spec["kind"]
    if kind == "fixed":
        return np.full(n, spec["central"])
    if kind == "beta":
        return rng.beta(spec["alpha"], spec["beta"], size=n)
    if kind == "gamma":
        return rng.gamma(spec["shape"], spec["scale"], size=n)
    if kind == "lognormal":
        return np.exp(spec["mu"] + spec["sigma"] * rng.standard_normal(n))
    if kind == "normal":
        return spec["mean"] + spec["sd"] * rng.standard_normal(n)
    if kind == "uniform":
        return rng.uniform(spec["low"], spec["high"], size=n)
    if kind == "triangular":
        return rng.triangular(spec["low"], spec["mode"], spec["high"], size=n)
    raise ValueError(kind)


def summarize(values):
    n = values.shape[-1]
    mean = values.mean(axis=-1)
    sd = values.std(axis=-1, ddof=1)
    p025, median, p975 = np.percentile(values, [2.5, 50, 97.5], axis=-1)
    return {"mean": mean.tolist(), "sd": sd.tolist(), "median": median.tolist(), "p025": p025.tolist(), "p975": p975.tolist(), "mcse": (sd / np.sqrt(n)).tolist()}


def summarize_all(measures, population):
    """Both arms and their paired difference, people and per 100,000 inhabitants."""
    out = {}
    factor = 100_000 / population
    for arm, values in (("baseline", lambda m: m[0]), ("program", lambda m: m[1]), ("difference", lambda m: m[1] - m[0])):
        summaries = {name: summarize(values(m)) for name, m in measures.items()}
        out[f"{arm}/count"] = summaries
        # Per 100,000: a positive rescaling, so the summaries themselves are rescaled (as logi does).
        out[f"{arm}/per100k"] = {name: {k: (np.asarray(v) * factor).tolist() for k, v in s.items()} for name, s in summaries.items()}
    return out


def main():
    model = json.load(open(sys.argv[1]))
    n = int(sys.argv[2])
    rng = np.random.default_rng(int(model["seed"]))
    specs = model["parameters"]["specs"]
    theta = np.stack([sample(spec, rng, n) for spec in specs])  # (parameters, iterations)
    states = len(model["states"])
    strata = model["strataCount"]
    horizon = model["horizon"]
    transitions = model["transitions"]
    rows = model["rows"]
    arms = 2
    results = {}
    ensemble = None
    population = 0
    for territory in model["territories"]:
        # Per-iteration transition probabilities with the territory's multipliers.
        p = np.stack([theta[t["p"]] for t in transitions])  # (transitions, iterations)
        for k, m in enumerate(territory["multipliers"]):
            if m >= 0:
                p[k] = 1 - (1 - p[k]) ** theta[m]
        counts = np.zeros((arms, horizon + 1, states, n))
        flows = np.zeros((arms, horizon, len(transitions), n))
        inflows = np.zeros((arms, horizon, len(model["inflows"]), n))
        for arm in range(arms):
            current = np.tile(np.array(territory["counts"], dtype=np.int64)[:, None], (1, n))
            counts[arm, 0] = current
            for year in range(1, horizon + 1):
                nxt = np.zeros_like(current)
                nxt[strata:] = current[strata:]
                for s in range(strata):
                    remaining = current[s].copy()
                    mass = np.ones(n)
                    for t in rows[s]:
                        pt = p[t]
                        moved = rng.binomial(remaining, np.clip(pt / np.maximum(mass, 1e-300), 0, 1))
                        remaining -= moved
                        mass -= pt
                        nxt[transitions[t]["to"]] += moved
                        flows[arm, year - 1, t] = moved
                    nxt[s] += remaining
                for f, inflow in enumerate(model["inflows"]):
                    base = territory["population"] if inflow["of"] < 0 else current[inflow["of"]]
                    mean = theta[inflow["value"]] if inflow["kind"] == "count" else theta[inflow["value"]] * base
                    entrants = rng.poisson(mean)
                    nxt[inflow["to"]] += entrants
                    inflows[arm, year - 1, f] = entrants
                current = nxt
                counts[arm, year] = current
        events = np.stack([flows[:, :, e["transitions"]].sum(axis=2) for e in model["events"]], axis=2)
        measures = {"counts": counts, "flows": flows, "events": events, "inflows": inflows}
        results[territory["id"]] = summarize_all(measures, territory["population"])
        ensemble = measures if ensemble is None else {k: ensemble[k] + v for k, v in measures.items()}
        population += territory["population"]
    results["ensemble"] = summarize_all(ensemble, population)
    json.dump(results, open(sys.argv[3], "w"))


if __name__ == "__main__":
    main()
