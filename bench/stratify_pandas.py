"""The benchmark's peer for `logi stratify`: a straightforward pandas implementation of the
criteria of docs/stratify.md ("The criteria language", "Assignment"), counts only.

Usage: python3 stratify_pandas.py CRITERIA.json DATA_DIR AS_OF
CRITERIA.json is the pyramid's criteria tree (bench/export-criteria.js), DATA_DIR holds the
tables as CSV (Debian has no pyarrow package, so the peer reads CSV). Prints the counts per
territory and stratum as JSON on stdout.

Each atom is evaluated for every patient at once (a boolean Series indexed by patient_id):
rows are filtered by code and window, then counted or reduced per patient with groupby.
"""
import calendar
import json
import sys
from datetime import date

import pandas as pd

LOWER_IS_WORSE = {"egfr", "lvef"}


def months_back(as_of: date, months: int) -> date:
    """asOf − m months, the day clamped to the month's last day (docs/stratify.md, "Windows")."""
    total = as_of.year * 12 + (as_of.month - 1) - months
    year, month = divmod(total, 12)
    day = min(as_of.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def normalize(codes: pd.Series) -> pd.Series:
    return codes.astype(str).str.replace(r"[.\s]", "", regex=True).str.upper()


def matches(codes: pd.Series, patterns) -> pd.Series:
    result = pd.Series(False, index=codes.index)
    for pattern in patterns:
        pattern = pattern.strip()
        if pattern.endswith("*"):
            result |= codes.str.startswith(pattern[:-1].replace(".", "").upper())
        else:
            result |= codes == pattern.replace(".", "").upper()
    return result


def in_window(dates: pd.Series, as_of: date, within) -> pd.Series:
    keep = dates <= pd.Timestamp(as_of)
    if within is not None:
        keep &= dates > pd.Timestamp(months_back(as_of, within))
    return keep


def numeric(values: pd.Series, test: dict) -> pd.Series:
    ok = pd.Series(True, index=values.index)
    if "lt" in test: ok &= values < test["lt"]
    if "lte" in test: ok &= values <= test["lte"]
    if "gt" in test: ok &= values > test["gt"]
    if "gte" in test: ok &= values >= test["gte"]
    if "eq" in test: ok &= values == test["eq"]
    if "in" in test: ok &= values.isin(test["in"])
    if "between" in test: ok &= (values >= test["between"][0]) & (values <= test["between"][1])
    return ok


class Data:
    def __init__(self, folder: str, as_of: date):
        self.folder = folder
        self.as_of = as_of
        self.tables = {}
        self.patients = self.table("patients", ["birth_date", "death_date"])
        self.patients = self.patients.set_index("patient_id")

    def table(self, name, date_columns):
        if name not in self.tables:
            frame = pd.read_csv(f"{self.folder}/{name}.csv", dtype={"patient_id": str})
            for column in date_columns:
                if column in frame:
                    frame[column] = pd.to_datetime(frame[column])
            for column in ("code", "atc", "main_diagnosis"):
                if column in frame:
                    frame[column] = normalize(frame[column])
            self.tables[name] = frame
        return self.tables[name]

    def per_patient(self, flags: pd.Series) -> pd.Series:
        return flags.reindex(self.patients.index, fill_value=False).astype(bool)

    def count_atom(self, table, column, patterns, within, min_count, date_column="date", extra=None):
        frame = self.table(table, [date_column])
        keep = in_window(frame[date_column], self.as_of, within)
        if patterns is not None:
            keep &= matches(frame[column], patterns)
        if extra is not None:
            keep &= extra(frame)
        counts = frame.loc[keep].groupby("patient_id").size()
        return self.per_patient(counts >= min_count)

    def lab(self, atom):
        frame = self.table("labs", ["date"])
        rows = frame.loc[(frame["test"] == atom["lab"]) & in_window(frame["date"], self.as_of, atom.get("withinMonths"))]
        lower = atom["lab"] in LOWER_IS_WORSE
        if atom["value"] == "latest":
            latest = rows.groupby("patient_id")["date"].transform("max")
            rows = rows.loc[rows["date"] == latest]
        grouped = rows.groupby("patient_id")["value"]
        values = grouped.min() if lower else grouped.max()
        return self.per_patient(numeric(values, atom["test"]))

    def age(self):
        birth = self.patients["birth_date"]
        a = self.as_of
        before_birthday = (birth.dt.month > a.month) | ((birth.dt.month == a.month) & (birth.dt.day > a.day))
        return a.year - birth.dt.year - before_birthday.astype(int)

    def holds(self, node) -> pd.Series:
        kind = node["kind"]
        if kind == "all":
            result = pd.Series(True, index=self.patients.index)
            for child in node["of"]:
                result &= self.holds(child)
            return result
        if kind == "any":
            result = pd.Series(False, index=self.patients.index)
            for child in node["of"]:
                result |= self.holds(child)
            return result
        if kind == "not":
            return ~self.holds(node["of"])
        if kind == "age":
            return numeric(self.age(), node["test"])
        if kind == "sex":
            return self.patients["sex"] == node["sex"]
        if kind == "territory":
            return self.patients["territory"].isin(node["ids"])
        if kind == "diagnosis":
            extra = (lambda f: f["ald"].astype(str).str.lower().isin(["true", "1"])) if node["ald"] else None
            return self.count_atom("diagnoses", "code", node["codes"], node.get("withinMonths"), node["minCount"], extra=extra)
        if kind == "dispensation":
            return self.count_atom("dispensations", "atc", node["atc"], node.get("withinMonths"), node["minCount"])
        if kind == "lab":
            return self.lab(node)
        if kind == "stay":
            return self.count_atom("stays", "main_diagnosis", node.get("mainDiagnosis"), node.get("withinMonths"), node["minCount"], date_column="admission")
        if kind == "act":
            return self.count_atom("acts", "code", node["codes"], node.get("withinMonths"), node["minCount"])
        raise ValueError(f"unknown criterion {kind}")


def main():
    criteria_file, folder, as_of_text = sys.argv[1:4]
    criteria = json.load(open(criteria_file, encoding="utf-8"))
    as_of = date.fromisoformat(as_of_text)
    data = Data(folder, as_of)
    patients = data.patients
    inside = pd.Series(True, index=patients.index)
    if "death_date" in patients:
        inside &= ~(patients["death_date"] <= pd.Timestamp(as_of)).fillna(False)
    if criteria.get("population") is not None:
        inside &= data.holds(criteria["population"])
    stratum = pd.Series("outside", index=patients.index, dtype=object)
    unassigned = inside.copy()
    for entry in criteria["order"]:
        hit = unassigned & data.holds(entry["rule"])
        stratum[hit] = entry["stratum"]
        unassigned &= ~hit
    stratum[unassigned] = criteria["bottom"]
    counts = pd.DataFrame({"territory": patients["territory"], "stratum": stratum}).value_counts()
    result = {}
    for (territory, name), count in sorted(counts.items()):
        result.setdefault(territory, {})[name] = int(count)
    json.dump(result, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
