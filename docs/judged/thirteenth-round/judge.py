"""Rebuild judged.jsonl from sample.jsonl plus the hand verdicts below, and print the counts."""
import json, math
from collections import Counter, defaultdict

Y, N = "yes", "no"
# n: (relation_right, lenient, modality_right, reason, error_kind)
V = {
 1: (Y, 0, Y, "'Born ... in Mirati, Pranab Mukherjee'", None),
 2: (Y, 1, Y, "'Ron Paul's campaigns for the Republican presidential nomination' implies membership; object cut to 'Republican'", None),
 3: (N, 0, None, "'LGBT activist': LGBT is a community, not an organisation", "non_actor"),
 4: (N, 0, None, "'India Express' is a fragment of 'Air India Express' (an airline); the headline says 'in India'", "garbled"),
 5: (Y, 0, Y, "'He went on to serve in the House of Representatives' (He = Cummings)", None),
 6: (Y, 0, Y, "'Cherry and all but one of the petitioners are members of UK parliament'", None),
 7: (Y, 1, Y, "'southern Syria's al-Tanf': a place, so located_in is the better predicate", None),
 8: (N, 0, None, "name cut: the body is the 'Caribbean Air and Marine Branch'", "garbled"),
 9: (Y, 0, Y, "'Ivan served as the CEO of Hipcricket'", None),
 10: (N, 0, None, "'Advocacy' is a fragment of the title 'Research and Advocacy Director'; the person is Philip Luther", "garbled"),
 11: (Y, 0, Y, "'Toronto, Canada'", None),
 12: (Y, 1, Y, "'Senate minority leader Chuck Schumer': leads the minority, member_of Senate holds", None),
 13: (Y, 0, Y, "'Gwynne Shotwell, president and chief operating officer of SpaceX'", None),
 14: (N, 0, None, "poem title 'Winter Solstice, Camelot Station' (same error as round 12 #55)", "non_actor"),
 15: (N, 0, None, "'Throgs Neck resident': residence in a neighbourhood, not membership (located_in/origin)", "wrong_predicate"),
 16: (Y, 0, Y, "'Alex Horton of the Washington Post'", None),
 17: (Y, 1, Y, "'the U.S. military operation against Islamic State in Iraq and Syria': 'in Iraq' may qualify the operation", None),
 18: (Y, 0, Y, "'the Paris Police Prefecture in Paris, France'", None),
 19: (N, 0, None, "headline 'Republican N.J. senator rips Christie': the senator is Doherty; Christie is governor", "misattached"),
 20: (Y, 1, Y, "spokesperson for Inherent Resolve, 'the U.S. military operation' (as round 12 #12)", None),
 21: (N, 0, None, "'worked with UCU ... to better understand employment': cooperation on a study between employers and a union in dispute, not an alliance", "not_stated"),
 22: (N, 0, None, "'Mila, an AI research institute': 'AI' is not an actor; the institute is Mila", "non_actor"),
 23: (N, 0, None, "object 'Senate Minority Leader' is Schumer's title, not an organisation", "non_actor"),
 24: (Y, 0, N, "'Westminster Magistrate's Court in London' is asserted; 'denied' comes from the judge rejecting Assange's attempt", None),
 25: (N, 0, None, "Soelistyo heads the search and rescue agency; the Airbus A320 is the missing plane", "misattached"),
 26: (Y, 0, Y, "'the United States city of Chicago, Illinois'", None),
 27: (Y, 0, Y, "'Julie Graham, Washington State Department of Health public information officer'", None),
 28: (Y, 0, Y, "'Christopher L. Tays, 32, of Franklin'", None),
 29: (Y, 1, Y, "'Sweden's deputy director of public prosecutions': member of the Swedish prosecution authority, country as object", None),
 30: (Y, 0, Y, "'associate professor of physics at the University of Florida'", None),
 31: (Y, 0, Y, "'a physical oceanographer at the University of New South Wales'", None),
 32: (Y, 0, Y, "'Ukrainian President Zelensky'", None),
 33: (Y, 1, Y, "'Samoan government' (trivial government-of-country, as round 12 #18)", None),
 34: (N, 0, None, "'Assiniboine and Sioux Tribes of Fort Peck': name cut, and origin used for an organisation (located_in)", "wrong_predicate"),
 35: (Y, 0, Y, "'Commerzbank analyst Carsten Fritsch'", None),
 36: (Y, 0, Y, "'the Liberal National Party, Queensland's dominant conservative party'", None),
 37: (Y, 0, Y, "'the Ecuadorean embassy in London'", None),
 38: (Y, 0, Y, "'Kamloops, British Columbia (B.C.), Canada'", None),
 39: (Y, 0, Y, "'Groom ... is centred around the city of Toowoomba'", None),
 40: (Y, 0, Y, "'Vienna, Austria'", None),
 41: (N, 0, None, "'Hosting Cook' is a verb phrase fragment, and Dreamforce is a conference", "garbled"),
 42: (Y, 0, Y, "'Jane Starner lives in a retirement community in North Manchester, Indiana'", None),
 43: (Y, 0, Y, "'Nancy Pelosi, the Speaker of the House of Representatives'", None),
 44: (Y, 0, Y, "'the Egyptian Ministry of State for Antiquity'", None),
 45: (Y, 0, Y, "'Shelby, North Carolina'", None),
 46: (Y, 0, Y, "'the University of Michigan College of Engineering'", None),
 47: (N, 0, None, "'India Express' is a fragment of 'Air India Express'; the text says 'Kerala in India'", "garbled"),
 48: (Y, 0, Y, "'He was also a member of the United States House Select Committee on Benghazi'", None),
 49: (Y, 1, Y, "'Rutgers University–New Brunswick' (the campus name) split into university + city", None),
 50: (Y, 0, Y, "'CNN's chief medical correspondent Dr. Sanjay Gupta'", None),
 51: (Y, 0, Y, "'Dunedin, New Zealand'", None),
 52: (Y, 0, Y, "'the Centre for Disease Control (CDC) in the US'", None),
 53: (Y, 0, Y, "'Dr Gary Mortimer, retail expert from Queensland University of Technology'", None),
 54: (Y, 0, Y, "'Future Publishing founder Chris Anderson'", None),
 55: (Y, 0, Y, "'Stuttgart, Germany'", None),
 56: (N, 0, None, "'Bill' is cut from 'Bill ... Clinton' (coordinated names)", "garbled"),
 57: (Y, 1, Y, "'a former president of the California Public Utilities Commission' (former)", None),
 58: (Y, 0, Y, "'UK Parliament'", None),
 59: (Y, 0, Y, "'The US Justice Department'", None),
 60: (Y, 0, Y, "'Taliban spokesman Zabihullah Mujahid'", None),
 61: (Y, 0, Y, "dateline 'HOUSTON, Texas'", None),
 62: (Y, 0, Y, "'Baltimore, Maryland'", None),
 63: (N, 0, None, "Lamrani is an analyst at Stratfor; ISIS is only what MaT fights", "misattached"),
 64: (Y, 1, Y, "'Senator Elizabeth Warren of Massachusetts': the state she represents, read as origin", None),
 65: (Y, 0, Y, "'Kalibo in the central Philippines'", None),
 66: (Y, 0, Y, "'the Australian electoral district of Groom'", None),
 67: (Y, 0, Y, "'Hege is the CEO of DH'", None),
 68: (Y, 0, Y, "'an oceanographer at the University of Western Australia'", None),
 69: (Y, 0, Y, "dateline 'SIOUX FALLS, S.D.'", None),
 70: (Y, 0, Y, "'a research institute founded by the late Microsoft cofounder Paul Allen'", None),
 71: (Y, 0, Y, "'the Hong Kong legislature'", None),
 72: (Y, 0, Y, "'US President Trump'", None),
 73: (Y, 0, Y, "'a longtime advisor to Bill and Hillary Clinton'", None),
 74: (Y, 0, Y, "'the UK Ministry of Defense'", None),
 75: (N, 0, None, "'Argentina's Amnesty International' is the Argentine section; the global body is not part of Argentina", "garbled"),
 76: (Y, 0, Y, "'the Force Headquarters in Abuja'", None),
 77: (Y, 0, Y, "'Valiant Entertainment editor Heather Antos'", None),
 78: (Y, 0, Y, "'Liberal National MP John McVeigh'", None),
 79: (N, 0, None, "Msallem speaks TO AFP; he presides the Tunisian League (as round 12 #41)", "misattached"),
 80: (Y, 0, Y, "'a top national security aide to Vice President Pence'", None),
 81: (Y, 0, Y, "'Radstock, Somerset'", None),
 82: (Y, 0, Y, "'the University of Guelph in Ontario'", None),
 83: (Y, 0, Y, "'Pentagon spokesman Mark Wright'", None),
 84: (Y, 0, Y, "'Chicago, Illinois'", None),
 85: (Y, 1, Y, "'Britain's Conservative Party': a party is located in rather than part of a country", None),
 86: (Y, 1, Y, "'Iran's Supreme Leader Ali Khamenei'; the subject span keeps the title", None),
 87: (Y, 0, Y, "'Canadian police' (the report's police are the Kamloops RCMP)", None),
 88: (Y, 0, Y, "'Randolph, New Hampshire'", None),
 89: (Y, 0, Y, "'vice president of advanced development programs at Blue Origin'", None),
 90: (Y, 0, Y, "'the Argentine Air Force'", None),
 91: (Y, 0, Y, "'116th U.S. Congress'", None),
 92: (Y, 0, Y, "'The Native American Rights Fund's Jacqueline De León'", None),
 93: (Y, 0, Y, "'InfoNation President Dan McDowell'", None),
 94: (Y, 0, Y, "'the Centers for Disease Control and Prevention in the United States'", None),
 95: (N, 0, None, "object glued to the verb: 'Remarked Center for Biological Diversity'", "garbled"),
 96: (Y, 0, Y, "'Beth Meacham, one of his editors at Tor'", None),
 97: (Y, 0, Y, "'Cummings, the Democratic chairman of the House Oversight and Reform Committee'", None),
 98: (Y, 0, Y, "'Karipur, Kerala'", None),
 99: (Y, 0, Y, "'South Korea's Ministry of Trade, Industry and Energy'", None),
 100: (Y, 0, Y, "'NPR's Feng' (Emily Feng in the report)", None),
}

rows = [json.loads(l) for l in open("sample.jsonl")]
assert len(rows) == 100 and set(V) == {r["n"] for r in rows}
with open("judged.jsonl", "w") as f:
    for r in rows:
        rr, len_, mr, reason, kind = V[r["n"]]
        r.update(relation_right=rr, lenient=bool(len_), modality_right=mr, reason=reason, error_kind=kind)
        f.write(json.dumps(r, ensure_ascii=False) + "\n")

def ci(k, n, z=1.96):
    p = k / n; d = 1 + z * z / n; c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return f"{100*(c-h):.0f}-{100*(c+h):.0f}%"

ok = [r for r in rows if r["relation_right"] == Y]
strict = [r for r in ok if not r["lenient"]]
print(f"overall {len(ok)}/100 (Wilson 95% {ci(len(ok), 100)}); strict {len(strict)}/100 ({ci(len(strict), 100)})")
for s in ("dev", "test"):
    sub = [r for r in rows if r["split"] == s]; k = sum(r["relation_right"] == Y for r in sub)
    ks = sum(r["relation_right"] == Y and not r["lenient"] for r in sub)
    print(f"{s} {k}/{len(sub)} = {100*k/len(sub):.1f}%  strict {ks}/{len(sub)}")
per = defaultdict(lambda: [0, 0, 0])
for r in rows:
    p = per[r["predicate"]]; p[1] += 1; p[0] += r["relation_right"] == Y; p[2] += r["relation_right"] == Y and not r["lenient"]
for k, (a, n, s) in sorted(per.items(), key=lambda x: -x[1][1]):
    print(f"{k} {a}/{n} = {100*a/n:.1f}%  strict {s}/{n}")
print("modality right among correct:", sum(r["modality_right"] == Y for r in ok), "/", len(ok))
print("modalities:", Counter(r["modality"] for r in rows))
print("lenient rows:", [r["n"] for r in ok if r["lenient"]])
kinds = defaultdict(list)
for r in rows:
    if r["error_kind"]: kinds[r["error_kind"]].append(r["n"])
for k, v in sorted(kinds.items(), key=lambda x: -len(x[1])): print(k, len(v), v)
