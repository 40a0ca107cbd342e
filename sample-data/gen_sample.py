#!/usr/bin/env python3
"""Writes the sample meeting data of fupan into sample-data/ (deterministic).

The CSVs it writes are committed and are the source of truth: the build
never runs this script. Run it again only to change the story, then check
the diff:  python3 sample-data/gen_sample.py [OUTDIR]

The story the team lead should find in the 2026-W47 meeting:
  * tts-th/beauty: the hero serum sold out in W45-W46, GMV collapses
    (赵雪's orders and 马超's ad conversions), recovering in W47.
  * tts-my: W47 arrives as daily rows (actuals-daily-w47.csv) and the GMV
    and orders of Sunday 2026-11-22 are missing (TikTok T+1 delay), so the
    store's W47 GMV looks ~17% low until the override in overrides.csv.
  * shopee-ph/beauty/朱琳: a content violation on 11-18 throttles her live
    room, W47 views drop ~60%.
  * tts-th/apparel/林小雨: the strong host, 120%+ of her GMV target every
    week.
  * tts-th/apparel/王强: the ad buyer burning budget after 11.11, spend far
    over budget with ROAS below 1.5 in W46 and W47.
  * quieter threads: 11.11 (W46) lifts everything, shopee-ph/beauty/谢鹏's
    creatives tire (3-second completion slides), shopee-ph/home returns
    jump in W47 (courier delays).

Only the Python standard library; a fixed seed; self-checks at the end.
"""

import csv
import datetime
import math
import os
import random
import sys

SEED = 20261116
WEEKS = ["2026-W%02d" % w for w in range(36, 48)]  # 12 weeks, W36..W47
LAST = WEEKS[-1]
# Mon..Sun of 2026-W47
W47_DAYS = [datetime.date(2026, 11, 16) + datetime.timedelta(days=i)
            for i in range(7)]
DAY_WEIGHTS = [0.128, 0.133, 0.139, 0.141, 0.148, 0.153, 0.158]  # Mon..Sun

# 11.11 falls in W46; the week after is quieter.
SEASON = [0.95, 0.97, 0.98, 1.00, 0.99, 1.02, 1.03, 1.00, 1.04, 1.08,
          1.25, 0.95]

# The KPI ids of the shipped catalogue (domain.md's table).
KPI_IDS = {
    "gmv", "orders", "impressions", "clicks", "ad_spend", "views",
    "viewers", "watch_seconds", "live_sessions", "video_plays", "plays_3s",
    "returns", "buyers", "repeat_buyers", "new_buyers", "gross_profit",
    "neg_reviews", "neg_reviews_24h", "aov", "ctr", "cvr", "cpm", "cpc",
    "roas", "cac", "gpm", "avg_watch", "views_per_session", "completion_3s",
    "return_rate", "repurchase", "margin", "review_response",
}
PERCENT_KPIS = {"ctr", "cvr", "completion_3s", "return_rate", "repurchase",
                "margin", "review_response"}
CAUSES = {"data_delay", "traffic_algorithm", "content_violation", "stockout",
          "pricing", "competitor", "seasonality", "logistics", "staffing",
          "creative_fatigue", "localization", "tracking", "other"}

ACTUAL_KPIS = ["gmv", "orders", "impressions", "clicks", "ad_spend",
               "views", "watch_seconds", "live_sessions", "video_plays",
               "plays_3s", "returns", "gross_profit", "neg_reviews",
               "neg_reviews_24h", "buyers", "repeat_buyers", "new_buyers"]
# Unique-buyer counts do not add up over days: never in the daily file.
DAILY_KPIS = [k for k in ACTUAL_KPIS
              if k not in ("buyers", "repeat_buyers", "new_buyers")]
MONEY_KPIS = {"gmv", "ad_spend", "gross_profit"}

STORES = [
    # code, name, platform, market, currency, overlap, margin, return rate
    ("tts-my", "马来西亚 TikTok 店", "TikTok Shop", "MY", "MYR",
     0.88, 0.30, 0.060),
    ("tts-th", "泰国 TikTok 店", "TikTok Shop", "TH", "THB",
     0.87, 0.27, 0.070),
    ("shopee-ph", "菲律宾 Shopee 店", "Shopee Live", "PH", "PHP",
     0.89, 0.25, 0.085),
]
CATEGORIES = [("apparel", "服饰"), ("beauty", "美妆"), ("home", "家居"),
              ("snacks", "零食")]
FX_BASE = {"MYR": 0.2360, "THB": 0.02960, "PHP": 0.01710}  # USD per unit

# Hosts: store, category, sessions/week, views/session, clicks per view,
# CVR (orders/clicks), AOV, return rate, seconds per view, form factor.
HOSTS = {
    "张伟": ("tts-my", "apparel", 6, 5200, 0.12, 0.070, 48.0, 0.07, 52, 1.00),
    "黄丽": ("tts-my", "beauty", 6, 4600, 0.11, 0.080, 62.0, 0.04, 58, 0.97),
    "陈杰": ("tts-my", "home", 5, 3900, 0.10, 0.065, 55.0, 0.05, 47, 1.02),
    "林小雨": ("tts-th", "apparel", 7, 6800, 0.12, 0.060, 340.0, 0.06, 61,
             1.42),
    "赵雪": ("tts-th", "beauty", 6, 6100, 0.11, 0.070, 390.0, 0.04, 55, 0.98),
    "孙浩": ("tts-th", "snacks", 6, 5400, 0.13, 0.090, 210.0, 0.02, 44, 0.95),
    "周杰": ("tts-th", "home", 5, 4300, 0.10, 0.055, 460.0, 0.05, 49, 1.01),
    "朱琳": ("shopee-ph", "beauty", 6, 4800, 0.12, 0.065, 420.0, 0.05, 57,
           1.00),
    "高磊": ("shopee-ph", "home", 5, 3600, 0.10, 0.060, 610.0, 0.07, 45, 0.96),
    "罗娟": ("shopee-ph", "snacks", 6, 4200, 0.13, 0.085, 280.0, 0.03, 42,
           1.03),
}
# Ad buyers: store, category, weekly budget, CPM, CTR, CVR, AOV, form.
AD_BUYERS = {
    "刘洋": ("tts-my", "apparel", 4200.0, 12.0, 0.014, 0.048, 52.0, 1.00),
    "吴婷": ("tts-my", "beauty", 3600.0, 13.5, 0.013, 0.055, 64.0, 0.98),
    "王强": ("tts-th", "apparel", 21000.0, 82.0, 0.015, 0.050, 350.0, 1.00),
    "马超": ("tts-th", "beauty", 18000.0, 88.0, 0.014, 0.056, 395.0, 1.01),
    "梁斌": ("shopee-ph", "beauty", 15000.0, 78.0, 0.013, 0.052, 430.0, 0.99),
    "宋佳": ("shopee-ph", "home", 12000.0, 72.0, 0.012, 0.047, 600.0, 0.97),
}
# Editors: store, categories, video plays/week, 3s completion, CTR.
EDITORS = {
    "杨帆": ("tts-my", ["apparel"], 180000, 0.36, 0.016),
    "郑洁": ("tts-my", ["beauty"], 150000, 0.41, 0.018),
    "曹雯": ("tts-th", ["apparel"], 420000, 0.38, 0.017),
    "徐静": ("tts-th", ["beauty", "snacks"], 260000, 0.40, 0.019),
    "谢鹏": ("shopee-ph", ["beauty"], 230000, 0.40, 0.017),
    "韩梅": ("shopee-ph", ["snacks"], 200000, 0.37, 0.018),
}
OPS_MANAGERS = {"李娜": ("tts-my", "apparel"), "王芳": ("tts-th", "beauty"),
                "何敏": ("shopee-ph", "home")}
LEAD = "陈静"  # the team lead who runs the meeting (author, not a person row)


def noise(rng, sd):
    """A multiplicative factor around 1, clipped to +-2.5 sd."""
    return 1.0 + max(-2.5 * sd, min(2.5 * sd, rng.gauss(0.0, sd)))


def money(x):
    return round(x, 2)


def host_week(rng, name, w):
    store, cat, sess, vps, cpv, cvr, aov, ret, wpv, form = HOSTS[name]
    s = SEASON[w]
    week = WEEKS[w]
    sessions = sess + (1 if week == "2026-W46" else 0)
    traffic = math.sqrt(form) * s ** 0.6 * noise(rng, 0.05)
    conv = math.sqrt(form) * s ** 0.4 * noise(rng, 0.04)
    views_mult = 1.0
    if name == "赵雪" and week in ("2026-W45", "2026-W46"):
        conv *= 0.22          # the serum is sold out: clicks, no orders
        traffic *= 0.85
    if name == "赵雪" and week == "2026-W47":
        conv *= 0.85          # restocked on 11-17, still catching up
    if name == "朱琳" and week == "2026-W47":
        views_mult = 0.55     # throttled after the violation on 11-18
        conv *= 1.10          # the followers who still come buy
    views = round(sessions * vps * traffic * views_mult)
    clicks = round(views * cpv * noise(rng, 0.04))
    orders = round(clicks * cvr * conv)
    ret_mult = 1.9 if (name == "高磊" and week == "2026-W47") else 1.0
    return {
        "gmv": money(orders * aov * noise(rng, 0.03)),
        "orders": orders,
        "impressions": round(views / 0.23 * noise(rng, 0.05)),
        "clicks": clicks,
        "views": views,
        "watch_seconds": round(views * wpv * math.sqrt(form)
                               * noise(rng, 0.05)),
        "live_sessions": sessions,
        "returns": round(orders * ret * ret_mult * noise(rng, 0.10)),
    }


def ad_buyer_week(rng, name, w):
    store, cat, budget, cpm, ctr, cvr, aov, form = AD_BUYERS[name]
    s = SEASON[w]
    week = WEEKS[w]
    spend_mult = 1.12 if week == "2026-W46" else 1.0
    cpm_mult = 1.12 if week == "2026-W46" else 1.0
    conv = form * s ** 0.4 * noise(rng, 0.05)
    ctr_mult = 1.0
    if name == "王强" and week in ("2026-W46", "2026-W47"):
        # Kept scaling the 11.11 campaign on tired creatives.
        spend_mult = 2.6 if week == "2026-W46" else 2.9
        cpm_mult = 1.75 if week == "2026-W46" else 1.6
        conv *= 0.70 if week == "2026-W46" else 0.74
        ctr_mult = 0.88
    if name == "马超" and week in ("2026-W45", "2026-W46"):
        conv *= 0.30          # ads kept landing on a sold-out product
        spend_mult *= 0.60
    spend = money(budget * spend_mult * noise(rng, 0.04) * 0.97)
    impressions = round(spend / (cpm * cpm_mult * noise(rng, 0.05)) * 1000)
    clicks = round(impressions * ctr * ctr_mult * noise(rng, 0.05))
    orders = round(clicks * cvr * conv)
    return {
        "ad_spend": spend,
        "impressions": impressions,
        "clicks": clicks,
        "orders": orders,
        "gmv": money(orders * aov * noise(rng, 0.03)),
    }


def editor_week(rng, name, w, share):
    store, cats, plays, comp, ctr = EDITORS[name]
    s = SEASON[w]
    if name == "谢鹏":
        comp *= 1.0 - 0.022 * w   # the same hooks, week after week
    video_plays = round(plays * share * s ** 0.5 * noise(rng, 0.08))
    impressions = round(video_plays * 1.3 * noise(rng, 0.04))
    return {
        "video_plays": video_plays,
        "plays_3s": round(video_plays * comp * noise(rng, 0.04)),
        "impressions": impressions,
        "clicks": round(impressions * ctr * noise(rng, 0.06)),
    }


def store_week(rng, store, w, person_rows):
    code, _, _, _, _, overlap, margin, rr = store
    week = WEEKS[w]
    rows = [r for r in person_rows if r["store"] == code]
    gmv_sum = sum(r["kpis"].get("gmv", 0.0) for r in rows)
    orders_sum = sum(r["kpis"].get("orders", 0) for r in rows)
    gmv = money(gmv_sum * overlap * noise(rng, 0.02))
    orders = round(orders_sum * overlap * noise(rng, 0.02))
    m = margin * (0.82 if week == "2026-W46" else 1.0) * noise(rng, 0.03)
    rr_mult = 1.35 if (code == "shopee-ph" and week == "2026-W47") else 1.0
    neg = round(orders * 0.012 * noise(rng, 0.15))
    buyers = round(orders * 0.92 * noise(rng, 0.01))
    return {
        "gmv": gmv,
        "orders": orders,
        "gross_profit": money(gmv * m),
        "returns": round(orders * rr * rr_mult * noise(rng, 0.06)),
        "neg_reviews": neg,
        "neg_reviews_24h": math.floor(neg * (0.80 + 0.20 * rng.random())),
        "buyers": buyers,
        "repeat_buyers": round(buyers * 0.21 * noise(rng, 0.05)),
        "new_buyers": round(buyers * 0.52 * noise(rng, 0.05)),
    }


def people_rows():
    """(person, name, role, store, category), one per node."""
    rows = []
    for p, (st, cat) in OPS_MANAGERS.items():
        rows.append((p, p, "ops_manager", st, cat))
    for p, v in HOSTS.items():
        rows.append((p, p, "host", v[0], v[1]))
    for p, v in AD_BUYERS.items():
        rows.append((p, p, "ad_buyer", v[0], v[1]))
    for p, v in EDITORS.items():
        for cat in v[1]:
            rows.append((p, p, "editor", v[0], cat))
    order = {s[0]: i for i, s in enumerate(STORES)}
    rows.sort(key=lambda r: (order[r[3]], r[4], r[2], r[0]))
    return rows


def weekly_facts(rng):
    """[(week index, store, category, person, {kpi: value})]."""
    out = []
    for w in range(len(WEEKS)):
        persons = []
        for p in HOSTS:
            persons.append({"store": HOSTS[p][0], "cat": HOSTS[p][1],
                            "person": p, "kpis": host_week(rng, p, w)})
        for p in AD_BUYERS:
            persons.append({"store": AD_BUYERS[p][0], "cat": AD_BUYERS[p][1],
                            "person": p, "kpis": ad_buyer_week(rng, p, w)})
        for p in EDITORS:
            cats = EDITORS[p][1]
            for i, cat in enumerate(cats):
                share = 0.6 if (len(cats) > 1 and i == 0) else \
                    (0.4 if len(cats) > 1 else 1.0)
                persons.append({"store": EDITORS[p][0], "cat": cat,
                                "person": p,
                                "kpis": editor_week(rng, p, w, share)})
        for r in persons:
            out.append((w, r["store"], r["cat"], r["person"], r["kpis"]))
        for st in STORES:
            out.append((w, st[0], "", "", store_week(rng, st, w, persons)))
    return out


def split_int(total, weights):
    """Integer parts of total in proportion to weights (largest remainder)."""
    raw = [total * x / sum(weights) for x in weights]
    parts = [math.floor(x) for x in raw]
    rest = total - sum(parts)
    order = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i],
                   reverse=True)
    for i in order[:rest]:
        parts[i] += 1
    return parts


def split_money(total, weights):
    cents = split_int(round(total * 100), weights)
    return [c / 100 for c in cents]


def fmt(kpi, v):
    if v is None:
        return ""
    if kpi in MONEY_KPIS:
        return "%.2f" % v
    return "%d" % v


def fmt_rm(v):
    """Ringgit as Seller Center exports it: RM12,345.60 (quoted by csv)."""
    return "RM{:,.2f}".format(v)


def daily_rows(store, cat, person, kpis):
    """Seven daily rows of one W47 fact row; Sunday lacks gmv and orders."""
    split = {}
    for k in DAILY_KPIS:
        if k not in kpis:
            continue
        if k in MONEY_KPIS:
            split[k] = split_money(kpis[k], DAY_WEIGHTS)
        else:
            split[k] = split_int(kpis[k], DAY_WEIGHTS)
    rows = []
    for d, day in enumerate(W47_DAYS):
        vals = []
        for k in DAILY_KPIS:
            v = split[k][d] if k in split else None
            if d == 6 and k in ("gmv", "orders"):
                v = None      # T+1: Sunday not synced yet
            if v is not None and k in MONEY_KPIS and \
                    (person == "" or cat == "apparel"):
                vals.append(fmt_rm(v))
            else:
                vals.append(fmt(k, v))
        rows.append([day.isoformat(), store, cat, person] + vals)
    return rows


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(header)
        wr.writerows(rows)


def pct(x):
    return ("%.1f%%" % (x * 100)).replace(".0%", "%")


def round_to(x, step):
    return round(x / step) * step


def host_targets(p):
    st, cat, sess, vps, cpv, cvr, aov, ret, wpv, form = HOSTS[p]
    gmv = round_to(sess * vps * cpv * cvr * aov, 500 if aov < 100 else 5000)
    return [("gmv", "%d" % gmv), ("cvr", pct(cvr)),
            ("views_per_session", "%d" % round_to(vps, 100)),
            ("avg_watch", "%d" % wpv), ("return_rate", pct(ret))]


def ad_targets(p):
    st, cat, budget, cpm, ctr, cvr, aov, form = AD_BUYERS[p]
    roas = (1000.0 / cpm) * ctr * cvr * aov
    return [("roas", "%.1f" % (math.floor(roas * 10) / 10)),
            ("cpm", "%g" % cpm), ("cpc", "%.2f" % (cpm / 1000 / ctr)),
            ("ad_spend", "%d" % budget)]


def editor_targets(p, cat):
    st, cats, plays, comp, ctr = EDITORS[p]
    share = 1.0 if len(cats) == 1 else (0.6 if cat == cats[0] else 0.4)
    return [("completion_3s", pct(comp - 0.01)), ("ctr", pct(ctr)),
            ("video_plays", "%d" % round_to(plays * share, 5000))]


def history_targets(facts):
    """Store ROAS and CVR, category CVR and return rate: 2% above their
    average over W36-W44 (ratio of sums, as fupan computes them)."""
    sums = {}
    for w, st, cat, person, kpis in facts:
        if w > 8:
            continue
        keys = [st] if person == "" else [st, "%s/%s" % (st, cat)]
        for key in keys:
            acc = sums.setdefault(key, {})
            for k, v in kpis.items():
                own = person == "" and k in ("gmv", "orders", "returns")
                if person == "" and not own:
                    continue
                slot = k + ("#own" if own else "")
                acc[slot] = acc.get(slot, 0.0) + v
    rows = []
    for key, acc in sums.items():
        if "/" not in key:
            rows.append(["", key, "roas", "%.1f" % (1.02 * acc["gmv#own"]
                                                    / acc["ad_spend"])])
            rows.append(["", key, "cvr", pct(round(
                1.02 * acc["orders#own"] / acc["clicks"], 3))])
        elif acc.get("orders"):
            rows.append(["", key, "cvr", pct(round(
                1.02 * acc["orders"] / acc["clicks"], 3))])
            rows.append(["", key, "return_rate", pct(round(
                0.98 * acc["returns"] / acc["orders"], 3))])
    return rows


def expected_gmv(store, cat=None):
    """GMV of hosts and ad buyers at target, for category/store targets."""
    total = 0.0
    for p, v in HOSTS.items():
        if v[0] == store and (cat is None or v[1] == cat):
            total += float(dict(host_targets(p))["gmv"])
    for p, v in AD_BUYERS.items():
        if v[0] == store and (cat is None or v[1] == cat):
            roas = float(dict(ad_targets(p))["roas"])
            total += v[2] * roas
    return total


def targets_rows(facts):
    rows = history_targets(facts)
    for st in STORES:
        code, overlap, margin, rr = st[0], st[5], st[6], st[7]
        gmv = round_to(expected_gmv(code) * overlap, 1000)
        budget = sum(v[2] for v in AD_BUYERS.values() if v[0] == code)
        for kpi, val in [("gmv", "%d" % gmv), ("return_rate", pct(rr)),
                         ("margin", pct(margin)), ("review_response", "90%"),
                         ("ad_spend", "%d" % budget)]:
            rows.append(["", code, kpi, val])
        cats = sorted({r[4] for r in people_rows() if r[3] == code})
        for cat in cats:
            g = expected_gmv(code, cat)
            if g > 0:
                rows.append(["", "%s/%s" % (code, cat), "gmv",
                             "%d" % round_to(g, 500)])
    for p, _, role, st, cat in people_rows():
        if role == "ops_manager":
            continue          # ops managers are judged on their store
        tg = editor_targets(p, cat) if role == "editor" else \
            {"host": host_targets, "ad_buyer": ad_targets}[role](p)
        for kpi, val in tg:
            rows.append(["", "%s/%s/%s" % (st, cat, p), kpi, val])
    # The week after 11.11: store GMV targets lowered, 王强's budget cut.
    for st in STORES:
        gmv = round_to(expected_gmv(st[0]) * st[5] * 0.95, 1000)
        rows.append([LAST, st[0], "gmv", "%d" % gmv])
    rows.append([LAST, "tts-th/apparel/王强", "ad_spend", "18000"])
    return sorted(rows, key=target_order)


STORE_ORDER = {s[0]: i for i, s in enumerate(STORES)}
KPI_ORDER = ["gmv", "orders", "roas", "cvr", "return_rate", "margin",
             "review_response", "ad_spend", "views_per_session", "avg_watch",
             "cpm", "cpc", "completion_3s", "ctr", "video_plays"]


def target_order(row):
    week, path, kpi = row[0], row[1], row[2]
    parts = path.split("/")
    return (week, STORE_ORDER[parts[0]], len(parts), parts,
            KPI_ORDER.index(kpi))


NOTES = [
    ("tts-my", "gmv", "data_delay",
     "TikTok Shop 数据 T+1 延迟:11-22(周日)的成交和订单还没同步,"
     "店铺 GMV 只算到周六。已按 Seller Center 实时数人工修正店铺 GMV 和订单。",
     "李娜"),
    ("tts-th/beauty", "gmv", "stockout",
     "爆款玻尿酸精华 W45–W46 断货(双 11 预售超卖),"
     "11-17 补货到曼谷仓,本周逐步恢复,达成率仍偏低。", "王芳"),
    ("tts-th/apparel/王强", "roas", "creative_fatigue",
     "双 11 后继续放量,素材还是大促那 3 条,CPM 涨了六成,ROAS 掉到 1.5 以下;"
     "预算超支,上周的止损动作没执行。", LEAD),
    ("shopee-ph/beauty/朱琳", "views", "content_violation",
     "11-18 直播展示未授权品牌 logo,被判违规限流 3 天,场观比上周少了约 60%。"
     "已提交申诉,话术和道具要重新过一遍合规。", "何敏"),
    ("tts-th/apparel/林小雨", "gmv", "other",
     "连续 12 周 GMV 超目标 120% 以上:开场 5 分钟福利款 + 尺码讲解,"
     "请她下周分享排品和话术。", LEAD),
    ("shopee-ph/home", "returns", "logistics",
     "J&T 菲律宾 11 月中旬派送延迟,家居大件拒收和退货增加,退货率明显上升。",
     "何敏"),
    ("shopee-ph/beauty/谢鹏", "completion_3s", "creative_fatigue",
     "前 3 秒完播率 12 周连续下滑,开头钩子重复使用,需要换本地达人口播开头。",
     LEAD),
    ("tts-th", "", "seasonality",
     "双 11 后大盘回落,全店 GMV 环比下降属正常季节波动,不单独追责。", "王芳"),
]

ACTIONS = [
    # week, owner, due, text, path, state, author
    ("2026-W46", "王芳", "2026-W47",
     "联系供应商空运 2,000 瓶精华到曼谷仓,确认到仓日期", "tts-th/beauty",
     "done", LEAD),
    ("2026-W46", "王强", "2026-W47",
     "设置止损:ROAS 连续 2 天低于 2 的计划暂停,日预算回到 3,000 THB",
     "tts-th/apparel/王强", "open", LEAD),
    ("2026-W46", "林小雨", "2026-W48",
     "把双 11 直播话术和排品整理成 SOP,发给所有主播", "tts-th/apparel/林小雨",
     "open", LEAD),
    ("2026-W47", "李娜", "2026-W48",
     "每周一 10 点前对照 Seller Center 核对周日数据,缺失就先人工修正",
     "tts-my", "open", LEAD),
    ("2026-W47", "何敏", "2026-W48",
     "跟进 Shopee 违规申诉结果,整理一份直播合规话术和道具清单",
     "shopee-ph/beauty/朱琳", "open", LEAD),
    ("2026-W47", "曹雯", "2026-W48",
     "给王强的投放计划做 5 条新素材(本地模特试穿),替换大促素材",
     "tts-th/apparel", "open", LEAD),
]


def override_rows(facts):
    """tts-my's W47 store GMV and orders with Sunday included."""
    full = [f for f in facts if f[0] == len(WEEKS) - 1 and f[1] == "tts-my"
            and f[2] == "" and f[3] == ""][0][4]
    reason_gmv = ("TikTok 数据 T+1 延迟,11-22 周日成交未同步;"
                  "按 Seller Center 实时 GMV 补录全周数")
    reason_orders = "同上,周日订单未同步,按 Seller Center 订单数补录"
    return [[LAST, "tts-my", "gmv", "%.2f" % full["gmv"], reason_gmv, "李娜"],
            [LAST, "tts-my", "orders", "%d" % full["orders"], reason_orders,
             "李娜"]]


def write_all(outdir):
    rng = random.Random(SEED)
    facts = weekly_facts(rng)
    write_csv(os.path.join(outdir, "stores.csv"),
              ["store", "name", "platform", "market", "currency"],
              [list(s[:5]) for s in STORES])
    write_csv(os.path.join(outdir, "categories.csv"), ["category", "name"],
              [list(c) for c in CATEGORIES])
    write_csv(os.path.join(outdir, "people.csv"),
              ["person", "name", "role", "store", "category"],
              [list(r) for r in people_rows()])
    fx_rng = random.Random(SEED + 1)
    fx = []
    for week in WEEKS:
        for cur in ("MYR", "THB", "PHP"):
            fx.append([week, cur, "%.5f" % (FX_BASE[cur]
                                            * noise(fx_rng, 0.006))])
    write_csv(os.path.join(outdir, "fx.csv"), ["week", "currency", "rate"],
              fx)
    weekly, daily = [], []
    last = len(WEEKS) - 1
    for w, st, cat, person, kpis in facts:
        if w == last and st == "tts-my":
            daily.extend(daily_rows(st, cat, person, kpis))
            if person == "":
                # Unique buyers are weekly numbers: stay in the weekly file
                # (counted on the six synced days).
                six = {k: round(kpis[k] * (1 - DAY_WEIGHTS[6]))
                       for k in ("buyers", "repeat_buyers", "new_buyers")}
                weekly.append([WEEKS[w], st, cat, person] +
                              [fmt(k, six.get(k)) for k in ACTUAL_KPIS])
            continue
        weekly.append([WEEKS[w], st, cat, person] +
                      [fmt(k, kpis.get(k)) for k in ACTUAL_KPIS])
    weekly.sort(key=lambda r: (r[0], STORE_ORDER[r[1]], r[2], r[3]))
    write_csv(os.path.join(outdir, "actuals.csv"),
              ["week", "store", "category", "person"] + ACTUAL_KPIS, weekly)
    write_csv(os.path.join(outdir, "actuals-daily-w47.csv"),
              ["date", "store", "category", "person"] + DAILY_KPIS, daily)
    write_csv(os.path.join(outdir, "targets.csv"),
              ["week", "path", "kpi", "target"], targets_rows(facts))
    write_csv(os.path.join(outdir, "notes.csv"),
              ["week", "path", "kpi", "cause", "text", "author"],
              [[LAST] + list(n) for n in NOTES])
    write_csv(os.path.join(outdir, "overrides.csv"),
              ["week", "path", "kpi", "value", "reason", "author"],
              override_rows(facts))
    write_csv(os.path.join(outdir, "actions.csv"),
              ["week", "owner", "due", "text", "path", "state", "author"],
              [list(a) for a in ACTIONS])
    write_csv(os.path.join(outdir, "meetings.csv"),
              ["week", "started_at", "ended_at", "attendees", "author"],
              [list(m) for m in MEETINGS])
    write_csv(os.path.join(outdir, "snapshots.csv"),
              ["meeting_week", "week", "path", "kpi", "value"],
              [list(r) for r in SNAPSHOTS])
    return facts


# Last week's meeting and this week's. The W46 meeting saw W46 before the
# late data came in: Sunday's T+1 GMV in Malaysia, ad GMV attributed
# within 7 days in Thailand, returns in the Philippines. Rows equal to
# today's values (tts-th GMV) show that only changes are reported.
MEETINGS = [
    ("2026-W46", "2026-11-17T10:00:00", "2026-11-17T10:48:00",
     "陈静, 李娜, 王芳, 何敏, 张伟, 林小雨, 王强, 朱琳", "陈静"),
    ("2026-W47", "2026-11-24T10:00:00", "2026-11-24T10:52:00",
     "陈静, 李娜, 王芳, 何敏, 林小雨, 王强, 朱琳, 谢鹏", "陈静"),
]
SNAPSHOTS = [
    ("2026-W46", "2026-W46", "tts-my", "gmv", "64912.35"),
    ("2026-W46", "2026-W46", "tts-th", "gmv", "472065.87"),
    ("2026-W46", "2026-W46", "tts-th", "roas", "6.91"),
    ("2026-W46", "2026-W46", "shopee-ph", "return_rate", "7.42%"),
]


# ---- self-checks: consistency of the files and the story -----------------

def read_csv(outdir, name):
    with open(os.path.join(outdir, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def known_paths(outdir):
    paths = {""}
    for s in read_csv(outdir, "stores.csv"):
        paths.add(s["store"])
    for p in read_csv(outdir, "people.csv"):
        paths.add("%s/%s" % (p["store"], p["category"]))
        paths.add("%s/%s/%s" % (p["store"], p["category"], p["person"]))
    return paths


def check_files(outdir):
    paths = known_paths(outdir)
    people = {p["person"] for p in read_csv(outdir, "people.csv")}
    cats = {c["category"] for c in read_csv(outdir, "categories.csv")}
    assert {p["category"] for p in read_csv(outdir, "people.csv")} <= cats
    for name in ("targets.csv", "notes.csv", "overrides.csv", "actions.csv"):
        for i, r in enumerate(read_csv(outdir, name), start=2):
            where = "%s:%d" % (name, i)
            assert r["path"] in paths, "%s: unknown path %s" % (where,
                                                               r["path"])
            assert r.get("kpi", "") == "" or r["kpi"] in KPI_IDS, where
            assert r.get("cause", "x") == "x" or r["cause"] in CAUSES, where
            assert r.get("owner", "x") == "x" or r["owner"] in people, where
    for r in read_csv(outdir, "targets.csv"):
        assert r["target"].endswith("%") == (r["kpi"] in PERCENT_KPIS), r
    for name in ("actuals.csv", "actuals-daily-w47.csv"):
        rows = read_csv(outdir, name)
        assert set(rows[0].keys()) - {"week", "date", "store", "category",
                                      "person"} <= KPI_IDS
        for r in rows:
            path = "/".join(x for x in (r["store"], r["category"],
                                        r["person"]) if x)
            assert path in paths, (name, path)


def by_key(facts):
    return {(WEEKS[w], st, cat, p): k for w, st, cat, p, k in facts}


def check_story(facts):
    f = by_key(facts)
    tg = {(r[0], r[1], r[2]): r[3] for r in targets_rows(facts)}
    for week in WEEKS:
        gmv = f[(week, "tts-th", "apparel", "林小雨")]["gmv"]
        target = float(tg[("", "tts-th/apparel/林小雨", "gmv")])
        assert gmv >= 1.2 * target, ("strong host", week, gmv / target)
    for week in ("2026-W46", "2026-W47"):
        k = f[(week, "tts-th", "apparel", "王强")]
        assert k["gmv"] / k["ad_spend"] < 1.5, ("roas", week)
        assert k["ad_spend"] > 2 * float(tg[("", "tts-th/apparel/王强",
                                               "ad_spend")])
    for week in WEEKS[:-3]:
        k = f[(week, "tts-th", "apparel", "王强")]
        assert k["gmv"] / k["ad_spend"] > 2.8, ("normal roas", week)
    v46 = f[("2026-W46", "shopee-ph", "beauty", "朱琳")]["views"]
    v47 = f[("2026-W47", "shopee-ph", "beauty", "朱琳")]["views"]
    assert 0.33 < v47 / v46 < 0.45, ("violation", v47 / v46)
    g44 = f[("2026-W44", "tts-th", "beauty", "赵雪")]["gmv"]
    for week in ("2026-W45", "2026-W46"):
        assert f[(week, "tts-th", "beauty", "赵雪")]["gmv"] < 0.35 * g44
    store47 = f[("2026-W47", "tts-my", "", "")]["gmv"]
    target47 = float(tg[("2026-W47", "tts-my", "gmv")])
    assert 0.9 < store47 / target47 < 1.15, ("tts-my W47 full", store47)
    assert store47 * (1 - DAY_WEIGHTS[6]) / target47 < 0.9


def check_daily(outdir, facts):
    """The daily file adds up to the weekly facts, Sunday's GMV aside."""
    f = by_key(facts)
    sums = {}
    for r in read_csv(outdir, "actuals-daily-w47.csv"):
        key = (r["store"], r["category"], r["person"])
        for k in DAILY_KPIS:
            v = r[k].replace("RM", "").replace(",", "")
            if v:
                sums[key + (k,)] = sums.get(key + (k,), 0.0) + float(v)
    for (st, cat, p, k), v in sums.items():
        full = f[(LAST, st, cat, p)][k]
        if k in ("gmv", "orders"):
            assert v < full
        else:
            assert abs(v - full) < 0.005, (st, cat, p, k, v, full)


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.dirname(os.path.abspath(__file__))
    facts = write_all(outdir)
    check_files(outdir)
    check_story(facts)
    check_daily(outdir, facts)
    print("wrote %s (%d weekly fact rows)" % (outdir, len(facts)))


if __name__ == "__main__":
    main()
