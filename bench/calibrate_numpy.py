"""Peer of `logi calibrate` for the calibration benchmark: sampling-importance-resampling (SIR) from
the priors, in plain NumPy, on the same model and targets.

Reads the calibration that bench/export-calibration.js exports (the scenario's compiled model in
`expected` mode, the free parameters with their θ slot, prior and bounds, the targets with what
they measure and their likelihood), then:

1. draws N parameter sets from the priors (NumPy's own generator: the peer uses the same model and
   method as logi, not logi's random numbers);
2. computes every target's model value for all the draws at once: the scenario's baseline arm,
   every territory, in `expected` mode (docs/simulation.md, "The model" and "Program dynamics":
   enrolment topped up to the coverage, the logigramme's passage with its decisions, effects and
   detection moves, retention, lasting and waning effects, the sub-compartments X(M, a), inflows),
   each scalar of the model being an array over the draws; then count / flow / per / scale /
   change as docs/calibration.md defines a target's value;
3. the fitting targets' log-likelihood (normal, Poisson or binomial, as src/analysis/likelihood.ts),
   the importance weights (the likelihoods: the draws come from the priors; a draw outside the
   bounds has weight 0 and is not run), Kish's effective sample size (ESS), and a multinomial
   resample of `sample` sets;
4. prints the ESS and writes the posterior means of the free parameters (and of the targets) as JSON.

No IMIS rounds and no point estimate: the peer is the plain SIR that logi's calibration starts with.

Usage:
  calibrate_numpy.py CALIBRATION.json DRAWS OUT.json   SIR with DRAWS prior draws
  calibrate_numpy.py CALIBRATION.json --check          the targets at the exported fixed parameter
      sets must equal logi's (exported with them) to 1e-9 relative; exit 1 otherwise
"""
import json
import math
import sys

import numpy as np

CHECK_TOLERANCE = 1e-9


class Theta:
    """θ: every parameter at its central value, the free ones replaced by arrays over the draws."""

    def __init__(self, model, free, x):
        self.central = [spec["central"] for spec in model["parameters"]["specs"]]
        self.free = {p["slot"]: x[:, i] for i, p in enumerate(free)}

    def __getitem__(self, slot):
        value = self.free.get(slot)
        return self.central[slot] if value is None else value


def year_value(theta, slot, series, year):
    """docs "Parameters that change over time": one value, `by-year` (the last holds) or a trend."""
    if series is None:
        return theta[slot]
    if series["kind"] == "by-year":
        return theta[series["slots"][min(year - 1, len(series["slots"]) - 1)]]
    return theta[series["start"]] * (1 + theta[series["change"]]) ** (year - 1)


def branch_shares(node, theta):
    """A decision's shares: θ, one branch without `p` takes the remainder, shares below 1 renormalised."""
    shares = [None if b["share"] < 0 else theta[b["share"]] for b in node["branches"]]
    assigned = sum(s for s in shares if s is not None)
    if np.any(np.asarray(assigned) > 1 + 1e-9):
        raise ValueError(f"decision {node['id']}: branch shares sum above 1")
    if None in shares:
        return [np.maximum(0, 1 - assigned) if s is None else s for s in shares]
    # Shares drawn independently may sum a little below 1: everyone takes some branch.
    renormalise = (np.asarray(assigned) > 0) & (np.asarray(assigned) != 1)
    return [np.where(renormalise, s / np.where(renormalise, assigned, 1), s) for s in shares]


def add(groups, key, amount):
    groups[key] = groups[key] + amount if key in groups else amount


def unit_passage(logigramme, theta, cycles):
    """
    One person's passage through a logigramme in expected mode (docs "Program dynamics", step 2):
    the share of the people entering at the start who leave in each class (set of effects met, move
    mark). The passage is linear in the people, so each entry group's classes are this times its size.
    """
    nodes = logigramme["nodes"]
    waiting = [{} for _ in nodes]
    waiting[0][(0, 0)] = 1.0
    leaving = {}
    for i, node in enumerate(nodes):
        packets = waiting[i]
        if not packets:
            continue
        if node["type"] == "decision":
            for branch, share in zip(node["branches"], branch_shares(node, theta)):
                for key, n in packets.items():
                    add(waiting[branch["next"]], key, n * share)
            continue
        target = leaving if node["next"] < 0 else waiting[node["next"]]
        for (mask, mark), n in packets.items():
            mask |= node["effectMask"]
            if node["move"] < 0:
                add(target, (mask, mark), n)
                continue
            # A move-to's p is per person-year reached: a share p / c of the people each cycle.
            share = (1.0 if node["moveShare"] < 0 else theta[node["moveShare"]]) / cycles
            add(target, (mask, node["move"] + 1), n * share)
            add(target, (mask, mark), n * (1 - share))
    return leaving


def hazard_ratio(effect, age, theta):
    """docs "Lasting and waning effects": HR_b(a), and `after-exit: stop`."""
    hr = theta[effect["hr"]]
    if age == 0:
        return hr
    if not effect["afterExit"] or age >= effect["duration"]:
        return 1.0
    if effect["waning"] == "linear":
        return hr + (1 - hr) * age / effect["duration"]
    if effect["waning"] == "exponential":
        return hr ** (2.0 ** (-age / theta[effect["halfLife"]]))
    return hr


def alive(effects, mask, age):
    """Whether one of the effects of `mask` can still apply at `age` after the passage (else: U)."""
    return any(mask & (1 << b) and e["afterExit"] and age < e["duration"] for b, e in enumerate(effects))


class Stratum:
    """E enrolled (C(M) of them carrying lasting effects), U not enrolled, X(M, a) exposed."""

    def __init__(self, plain=0.0):
        self.enrolled = 0.0
        self.carried = {}
        self.plain = plain
        self.exposed = {}

    def total(self):
        return self.enrolled + self.plain + sum(self.exposed.values(), 0.0)


class TerritoryRun:
    """The baseline arm of one territory in expected mode, every draw at once."""

    def __init__(self, model, territory, theta):
        self.model = model
        self.territory = territory
        self.theta = theta
        self.arm = model["arms"][0]
        self.c = model["cyclesPerYear"]
        self.strata = model["strataCount"]
        self.transitions = model["transitions"]
        # Per stratum: the arm's logigramme there (or None), and its unit passage.
        self.logigrammes = [model["logigrammes"][plan["logigramme"]] if plan else None for plan in self.arm["strata"]]
        self.passages = [unit_passage(lg, theta, self.c) if lg is not None else None for lg in self.logigrammes]

    def base_probabilities(self, year):
        """The cycle's p of each transition: the year's p, the territory's multiplier, the cycle."""
        out = []
        for k, t in enumerate(self.transitions):
            p = year_value(self.theta, t["p"], t["series"], year)
            m = self.territory["multipliers"][k]
            if m >= 0:
                p = 1 - (1 - p) ** year_value(self.theta, m, self.territory["multiplierSeries"][k], year)
            out.append(p if self.c == 1 else 1 - (1 - p) ** (1 / self.c))
        return out

    def row(self, s, mask, age):
        """Per-cycle probabilities of the row of s for the exposure (mask, age), cached for the year."""
        key = (s, mask, age)
        if key not in self.rows:
            effects = self.logigrammes[s]["effects"] if mask else []
            probabilities = []
            for k in self.model["rows"][s]:
                p = self.base[k]
                hr = 1.0
                for b, effect in enumerate(effects):
                    if mask & (1 << b) and effect["to"] == self.transitions[k]["to"]:
                        hr = hr * hazard_ratio(effect, age, self.theta)
                probabilities.append(p if isinstance(hr, float) and hr == 1.0 else 1 - (1 - p) ** hr)
            if np.any(np.asarray(sum(probabilities)) > 1 + 1e-12):
                raise ValueError(f"row of stratum {self.model['states'][s]['id']} sums above 1")
            self.rows[key] = probabilities
        return self.rows[key]

    def run(self):
        """Counts [year][state] and flows [year − 1][transition, then move], arrays over the draws."""
        model = self.model
        states = model["states"]
        counts0 = self.territory["counts"]
        state = [Stratum(float(counts0[s])) for s in range(self.strata)]
        self.exits = {j: float(counts0[j]) for j in range(self.strata, len(states))}
        counts = [[float(n) for n in counts0]]
        flows = []
        for year in range(1, model["horizon"] + 1):
            self.base = self.base_probabilities(year)
            self.rows = {}
            self.flows = [0.0] * (len(self.transitions) + len(model["moves"]))
            for _ in range(self.c):
                state = self.cycle(year, state)
            counts.append([st.total() for st in state] + [self.exits[j] for j in range(self.strata, len(states))])
            flows.append(self.flows)
        return counts, flows

    def cycle(self, year, state):
        """One cycle of every stratum from the start-of-cycle state (synchronous), then the inflows."""
        nxt = [Stratum() for _ in range(self.strata)]
        for s in range(self.strata):
            self.stratum_cycle(year, s, state[s], nxt)
        for inflow in self.model["inflows"]:
            value = year_value(self.theta, inflow["value"], inflow["series"], year)
            if inflow["kind"] == "rate":
                value = value * (self.territory["population"] if inflow["of"] < 0 else state[inflow["of"]].total())
            nxt[inflow["to"]].plain = nxt[inflow["to"]].plain + value / self.c
        return nxt

    def enrol(self, year, s, st):
        """Step 1: top E up to coverage × N from U and every X(M, a), each with the same q."""
        plan = self.arm["strata"][s]
        slots = plan["coverage"]["slots"]
        coverage = self.theta[slots[min(year - 1, len(slots) - 1)]]
        people = st.total()
        others = people - st.enrolled
        gap = np.maximum(0, coverage * people - st.enrolled)
        with np.errstate(divide="ignore", invalid="ignore"):
            q = np.where(np.asarray(st.enrolled) == 0, coverage, np.where(np.asarray(others) > 0, np.minimum(1, gap / np.where(np.asarray(others) > 0, others, 1)), 0))
        joining = q * st.plain
        st.plain = st.plain - q * st.plain
        for key, x in st.exposed.items():
            joining = joining + q * x
            st.exposed[key] = x - q * x
        return st.enrolled + joining

    def move(self, s, n, mask, age):
        """The expected multinomial over the row of s: who stays, and who goes where (flows recorded)."""
        leave = []
        share = 0.0
        for k, p in zip(self.model["rows"][s], self.row(s, mask, age)):
            moved = n * p
            share = share + p
            leave.append((self.transitions[k]["to"], moved))
            self.flows[k] = self.flows[k] + moved
        return n * (1 - share), leave

    def arrive(self, nxt, to, n):
        if to >= self.strata:
            self.exits[to] = self.exits[to] + n
        else:
            nxt[to].plain = nxt[to].plain + n

    def age_into(self, nxt, s, mask, age, n):
        """X(M, a), or U when none of M's effects can apply at age a any more (step 6)."""
        if mask and alive(self.logigrammes[s]["effects"], mask, age):
            add(nxt[s].exposed, (mask, age), n)
        else:
            nxt[s].plain = nxt[s].plain + n

    def passage_groups(self, s, st, passing):
        """Step 2: the classes leaving the logigramme, shared among the entry groups (set 0, then each C(M))."""
        carriers = sorted(st.carried.items())
        entering = [(0, passing - sum((n for _, n in carriers), 0.0))] + carriers
        groups = {}
        for carried, people in entering:
            for (mask, mark), share in self.passages[s].items():
                add(groups, (mask | carried, mark), people * share)
        return groups

    def stratum_cycle(self, year, s, start, nxt):
        """Steps 1 to 6 of docs "The cycle, step by step" for stratum s."""
        plan = self.arm["strata"][s]
        st = Stratum()
        st.enrolled, st.carried, st.plain, st.exposed = start.enrolled, start.carried, start.plain, dict(start.exposed)
        passing = self.enrol(year, s, st) if plan else st.enrolled
        groups = self.passage_groups(s, st, passing) if plan else {}
        retention = plan is not None and plan["retention"] >= 0
        rho = self.theta[plan["retention"]] ** (1 / self.c) if retention else 0.0
        keep = plan is not None and plan["keepOnTransfer"]
        # Step 3: U, then each X(M, a) (who stays goes to X(M, a + 1)), then the enrolled groups.
        stay, leave = self.move(s, st.plain, 0, 0)
        nxt[s].plain = nxt[s].plain + stay
        for to, n in leave:
            self.arrive(nxt, to, n)
        for (mask, age), x in st.exposed.items():
            stay, leave = self.move(s, x, mask, age)
            self.age_into(nxt, s, mask, age + 1, stay)
            for to, n in leave:
                self.arrive(nxt, to, n)
        lasting = self.logigrammes[s]["lastingMask"] if plan else 0
        for (mask, mark), n in groups.items():
            stay, leave = self.move(s, n, mask, 0)
            elsewhere = list(leave)
            if mark:
                # A detection move: those who stay in s move to the mark's stratum (a flow of the move).
                move = self.model["moves"][mark - 1]
                index = len(self.transitions) + mark - 1
                self.flows[index] = self.flows[index] + stay
                elsewhere.append((move["to"], stay))
            elif retention:
                # Step 4: ρ stay enrolled, keeping M's lasting effects; the others leave carrying (M, 1).
                nxt[s].enrolled = nxt[s].enrolled + rho * stay
                if mask & lasting:
                    add(nxt[s].carried, mask & lasting, rho * stay)
                self.age_into(nxt, s, mask, 1, (1 - rho) * stay)
            else:
                self.age_into(nxt, s, mask, 1, stay)
            for to, d in elsewhere:
                if to >= self.strata:
                    self.exits[to] = self.exits[to] + d
                elif retention and keep and self.arm["strata"][to] is not None:
                    nxt[to].enrolled = nxt[to].enrolled + rho * d
                    nxt[to].plain = nxt[to].plain + (1 - rho) * d
                else:
                    nxt[to].plain = nxt[to].plain + d


def target_values(model, targets, runs):
    """docs/calibration.md, "What a target measures": each target's value, an array over the draws."""
    transitions = len(model["transitions"])

    def measure(counts, flows, m, year):
        if m["kind"] == "count":
            return sum((counts[year][j] for j in m["states"]), 0.0)
        return sum((flows[year - 1][k] for k in m["transitions"]), 0.0) + sum((flows[year - 1][transitions + k] for k in m["moves"]), 0.0)

    def rate(target, year):
        c = target["compiled"]
        value = sum((measure(*runs[t], c["measure"], year) for t in c["territories"]), 0.0)
        denominator = c["denominator"]
        if denominator is not None:
            # A count is divided by people at the same time; a flow during a year by those at its start.
            at = year if c["measure"]["kind"] == "count" else year - 1
            if denominator["kind"] == "population":
                divisor = sum(model["territories"][t]["population"] for t in c["territories"])
            else:
                divisor = sum((runs[t][0][at][j] for t in c["territories"] for j in denominator["states"]), 0.0)
            value = value / divisor
        return value * c["scale"]

    out = []
    for target in targets:
        c = target["compiled"]
        if c["change"]:
            first, last = c["years"]
            out.append((rate(target, last) / rate(target, first)) ** (1 / (last - first)) - 1)
        else:
            out.append(rate(target, c["years"][0]))
    return out


def evaluate(exported, x):
    """The targets' values for the parameter sets x [draw, free parameter]: [target, draw]."""
    model = exported["model"]
    theta = Theta(model, exported["free"], x)
    runs = [TerritoryRun(model, territory, theta).run() for territory in model["territories"]]
    values = target_values(model, exported["targets"], runs)
    return np.stack([np.broadcast_to(np.asarray(v, dtype=float), (x.shape[0],)) for v in values])


def log_factorial(k):
    return math.lgamma(k + 1)


def log_likelihood(likelihood, value):
    """src/analysis/likelihood.ts: ln L(observed | model value), −∞ when the value is impossible."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if likelihood["kind"] == "normal":
            z = (value - likelihood["value"]) / likelihood["sd"]
            out = -0.5 * z * z - math.log(likelihood["sd"]) - 0.5 * math.log(2 * math.pi)
        elif likelihood["kind"] == "poisson":
            k = round(likelihood["value"])
            out = np.where(value > 0, k * np.log(value) - value - log_factorial(k), np.where((value == 0) & (k == 0), 0.0, -np.inf))
        else:
            n = likelihood["n"]
            k = round(likelihood["value"] / likelihood["scale"] * n)
            p = value / likelihood["scale"]
            successes = 0.0 if k == 0 else k * np.log(p)
            failures = 0.0 if n - k == 0 else (n - k) * np.log1p(-p)
            out = log_factorial(n) - log_factorial(k) - log_factorial(n - k) + successes + failures
            out = np.where((p >= 0) & (p <= 1), out, -np.inf)
    return np.where(np.isfinite(value), out, -np.inf)


def sample_prior(prior, rng, n):
    kind = prior["kind"]
    if kind == "beta":
        return rng.beta(prior["alpha"], prior["beta"], size=n)
    if kind == "gamma":
        return rng.gamma(prior["shape"], prior["scale"], size=n)
    if kind == "lognormal":
        return np.exp(prior["mu"] + prior["sigma"] * rng.standard_normal(n))
    if kind == "normal":
        return prior["mean"] + prior["sd"] * rng.standard_normal(n)
    if kind == "uniform":
        return rng.uniform(prior["low"], prior["high"], size=n)
    if kind == "triangular":
        return rng.triangular(prior["low"], prior["mode"], prior["high"], size=n)
    raise ValueError(kind)


def sir(exported, draws, out_path):
    free = exported["free"]
    settings = exported["settings"]
    rng = np.random.default_rng(int(settings["seed"]))
    x = np.stack([sample_prior(p["prior"], rng, draws) for p in free], axis=1)
    low = np.array([float(p["bounds"][0]) for p in free])
    high = np.array([float(p["bounds"][1]) for p in free])
    inside = np.all((x >= low) & (x <= high), axis=1)
    # Draws outside the bounds have likelihood 0 (the posterior is the prior truncated to the bounds): not run.
    values = evaluate(exported, x[inside])
    fit = [k for k, t in enumerate(exported["targets"]) if t["use"] == "fit"]
    log_weights = np.full(draws, -np.inf)
    log_weights[inside] = sum(log_likelihood(exported["targets"][k]["likelihood"], values[k]) for k in fit)
    log_weights[np.isnan(log_weights)] = -np.inf
    if not np.isfinite(log_weights.max()):
        sys.exit("SIR: no prior draw has a positive likelihood")
    weights = np.exp(log_weights - log_weights.max())
    ess = weights.sum() ** 2 / (weights**2).sum()
    weights /= weights.sum()
    chosen = rng.choice(draws, size=int(settings["sample"]), replace=True, p=weights)
    all_values = np.full((len(exported["targets"]), draws), np.nan)
    all_values[:, inside] = values
    result = {
        "draws": draws,
        "run": int(inside.sum()),
        "ess": ess,
        "sample": int(settings["sample"]),
        "posteriorMeans": {p["path"]: float(x[chosen, i].mean()) for i, p in enumerate(free)},
        "targetMeans": {t["id"]: float(all_values[k, chosen].mean()) for k, t in enumerate(exported["targets"])},
    }
    print(f"SIR: {draws} prior draws, {result['run']} inside the bounds, Kish's ESS {ess:.1f}")
    with open(out_path, "w") as out:
        json.dump(result, out, indent=2)


def check(exported):
    """The peer's targets at logi's fixed parameter sets against logi's own values (evaluate.ts)."""
    sets = exported["check"]
    x = np.array([s["x"] for s in sets], dtype=float)
    values = evaluate(exported, x)
    worst = 0.0
    for i, s in enumerate(sets):
        ours = values[:, i]
        logi = np.array(s["values"])
        scale = np.maximum(np.abs(logi), np.abs(ours))
        relative = np.where(scale > 0, np.abs(ours - logi) / np.where(scale > 0, scale, 1), 0.0)
        worst = max(worst, float(relative.max()))
        print(f"  {s['name']}: max relative difference {relative.max():.2e} over {len(logi)} targets")
    if not worst <= CHECK_TOLERANCE:
        print(f"the NumPy peer does not compute logi's model: {worst:.2e} > {CHECK_TOLERANCE:g}", file=sys.stderr)
        sys.exit(1)


def main():
    with open(sys.argv[1]) as source:
        exported = json.load(source)
    if sys.argv[2] == "--check":
        check(exported)
    else:
        sir(exported, int(sys.argv[2]), sys.argv[3])


if __name__ == "__main__":
    main()
