"""Rebuild judged.jsonl from sample.jsonl plus the hand verdicts below, and print the counts."""
import json, math
from collections import Counter, defaultdict

Y, N = "yes", "no"
# n: (relation_right, lenient, modality_right, reason, error_kind)
V = {
 1: (Y, 0, Y, "'National Parks Service spokesperson Bill Line'", None),
 2: (N, 0, None, "the medical school is Pantin's ('Enrique J. Pantin at Rutgers Robert Wood Johnson Medical School'); Labazzo is listed apart, and the object is cut", "misattached"),
 3: (Y, 0, N, "'the London-based fact-checking website Full Fact' is the report's own descriptor; 'reported' comes from 'told the BBC'", None),
 4: (Y, 0, Y, "'President Xi Jinping of China'", None),
 5: (N, 0, None, "she is a Nevada state senator; the entity 'Senate' is the federal Senate of the report's civics sentence", "misattached"),
 6: (N, 0, None, "'Cupertino-based' describes Apple; MacBooks is a product (as round 12 #62)", "non_actor"),
 7: (Y, 0, Y, "'Turkey's Disaster and Emergency Management Presidency'", None),
 8: (Y, 0, Y, "'the Force Headquarters in Abuja'", None),
 9: (Y, 0, Y, "'a Ph.D. candidate at the University of Florida'", None),
 10: (Y, 0, Y, "title 'U.S. President Trump'", None),
 11: (Y, 0, Y, "'the Argentine congress'", None),
 12: (Y, 0, Y, "'The United States Department of Health and Human Services'", None),
 13: (Y, 0, Y, "'the U.S. Treasury Department'; the name sits inside 'according to Al Jazeera', but it is the report's wording (borderline modality)", None),
 14: (N, 0, None, "'Mila, an AI research institute': 'AI' is not an actor (as round 13 #22)", "non_actor"),
 15: (Y, 0, Y, "'Sheldon Yett of UNICEF'", None),
 16: (Y, 0, Y, "'who leads its Energy and Resource Systems Analysis Laboratory': the head is a member", None),
 17: (Y, 0, Y, "'South Bend, Indiana'", None),
 18: (Y, 0, Y, "'Park was elected mayor of the capital city' (Seoul; in office at his death, term through 2021)", None),
 19: (Y, 0, Y, "'the Egyptian Ministry of State for Antiquity'", None),
 20: (N, 0, None, "'The Professionals' is a film shot in South Africa (as round 12 #77)", "non_actor"),
 21: (Y, 0, Y, "'served as President of India for five years' (obituary; as round 12 #38)", None),
 22: (N, 0, None, "'Syrian Army' cut from 'formerly the Free Syrian Army', an opposition force (as round 12 #48)", "garbled"),
 23: (Y, 0, Y, "'Joe Biden, Trump's leading Democratic rival'", None),
 24: (N, 0, None, "Soelistyo heads the search and rescue agency; the Airbus A320 is the missing plane (as round 13 #25)", "misattached"),
 25: (Y, 1, Y, "'Edmunds' executive director of industry analysis': a role below the head, member_of holds", None),
 26: (Y, 1, Y, "'who was a political advisor to Bloomberg in New York but is not working for his presidential campaign' (past)", None),
 27: (N, 0, None, "'Argentina's Amnesty International' is the Argentine section; the global body is not part of Argentina (as round 13 #75)", "garbled"),
 28: (Y, 0, Y, "'Bethesda, Maryland'", None),
 29: (Y, 0, Y, "'Lee Jae-myung, leader of the liberal opposition Democratic Party'", None),
 30: (Y, 0, Y, "'NASA's Jet Propulsion Laboratory'", None),
 31: (Y, 1, Y, "'Senate minority leader Chuck Schumer': member_of Senate holds (as round 13 #12)", None),
 32: (Y, 0, Y, "'US President Donald Trump'", None),
 33: (Y, 0, N, "'Westminster Magistrate's Court in London' is asserted; 'denied' comes from the judge rejecting Assange's attempt (as round 13 #24)", None),
 34: (Y, 0, Y, "'a spokesman for the city's Department of Design and Construction'", None),
 35: (Y, 0, Y, "'Bruce McArthur, from Toronto, Canada'", None),
 36: (Y, 0, Y, "'the Centers for Disease Control and Prevention in the United States'", None),
 37: (Y, 0, Y, "'a coordinator with the non-profit Environmental Awareness Group'", None),
 38: (N, 0, None, "'Adjunct Professor UNSW Strategic Health Policy Consultant': the object merges the university with his job title", "garbled"),
 39: (Y, 0, Y, "'Nancy Pelosi, the Speaker of the House of Representatives'", None),
 40: (Y, 0, Y, "'Ryan Norris of the University of Guelph'", None),
 41: (Y, 0, Y, "'Indonesian Air Force spokesman Hadi Tjahjanto'", None),
 42: (Y, 1, Y, "spokesperson for Inherent Resolve, 'the U.S. military operation' (as round 13 #20)", None),
 43: (Y, 1, Y, "'Rutgers University–New Brunswick' (the campus name) split into university + city (as round 13 #49)", None),
 44: (Y, 0, Y, "'Commerzbank analyst Carsten Fritsch'", None),
 45: (Y, 0, Y, "'A VOA Extremism Watch Desk reporter Nisan Ahmado'", None),
 46: (Y, 0, Y, "'The Executive director of the Ask Wellness Society, Bob Hughes'", None),
 47: (Y, 0, Y, "'Republican Gov. Eric Holcomb' (object 'Republican' as round 12 #83)", None),
 48: (Y, 0, Y, "'He was also a member of the United States House Select Committee on Benghazi' (as round 13 #48)", None),
 49: (Y, 0, Y, "'associate professor of epidemiology at Columbia University Mailman School of Public Health'", None),
 50: (N, 0, None, "Msallem speaks TO AFP; he presides the Tunisian League (as round 12 #41, round 13 #79)", "misattached"),
 51: (N, 0, None, "'Texas-based' describes Stratfor, not Islamic State (as round 12 #3)", "misattached"),
 52: (Y, 0, Y, "'Hege is the CEO of DH'", None),
 53: (Y, 0, Y, "'opposition Labour Party leader Jeremy Corbyn'", None),
 54: (Y, 0, Y, "'Groom is located in the state of Queensland'", None),
 55: (Y, 1, Y, "'House Minority Leader John Boehner': leads the minority, member_of House holds", None),
 56: (Y, 0, Y, "'the Greek island of Samos'", None),
 57: (Y, 0, Y, "'First Minister of Scotland Nicola Sturgeon'", None),
 58: (Y, 0, Y, "'the International Energy Agency's Photovoltaic Power Systems Program'", None),
 59: (Y, 0, Y, "'Tufts University's Feinstein International Center'", None),
 60: (Y, 0, Y, "'WikiLeaks co-founder Julian Assange'", None),
 61: (Y, 0, Y, "'Sui-Lee Wee of the New York Times'", None),
 62: (Y, 1, Y, "'the director of Argentina's Amnesty International': she heads the Argentine section, member_of holds", None),
 63: (Y, 1, Y, "'the Scottish government' (trivial government-of-country)", None),
 64: (Y, 0, Y, "'Caroline Hawley, BBC diplomatic correspondent'", None),
 65: (Y, 1, Y, "'a Ukraine specialist on the National Security Council'; the subject span keeps the rank 'Lt Col'", None),
 66: (Y, 0, Y, "'Sudan's president, Omar Hassan al-Bashir'", None),
 67: (Y, 0, Y, "'researchers at OpenAI in San Francisco'", None),
 68: (Y, 0, Y, "'Evan Sparks, CEO of Determined AI'", None),
 69: (N, 0, None, "'the Lord President of the court': the court is the Court of Session, not the Supreme Court", "misattached"),
 70: (N, 0, None, "'Hosting Cook' is a verb phrase fragment, and Dreamforce is a conference (as round 13 #41)", "garbled"),
 71: (Y, 0, Y, "'the Argentine Air Force'", None),
 72: (Y, 0, Y, "'Cherry and all but one of the petitioners are members of UK parliament'", None),
 73: (Y, 0, Y, "'the Australian electoral district of Groom'", None),
 74: (Y, 1, Y, "'Pete Buttigieg, the former mayor of South Bend' (former)", None),
 75: (Y, 0, Y, "'Toronto, Canada'", None),
 76: (Y, 0, Y, "'Roxanne Delgado, founder of the civic association Friends of Pelham Parkway'", None),
 77: (Y, 1, Y, "'the U.K.'s University of York': a university is located in rather than part of a country", None),
 78: (Y, 0, Y, "'UK Supreme Court'", None),
 79: (Y, 0, Y, "'Joanna Cherry of the Scottish National Party'", None),
 80: (Y, 0, Y, "'a senior fellow at the Council on Foreign Relations'", None),
 81: (Y, 0, Y, "'executive vice president of the Brookings Institution'", None),
 82: (Y, 0, Y, "'116th U.S. Congress'", None),
 83: (Y, 0, Y, "'Vienna, Austria'", None),
 84: (Y, 1, Y, "'a former editor of the New York Daily News' (former)", None),
 85: (Y, 1, N, "'served as George W. Bush's first counselor' (past); stated only 'according to NBC News', so reported, attributed to NBC News", None),
 86: (Y, 1, Y, "'the American government' (trivial government-of-country)", None),
 87: (N, 0, None, "VIPER is a rover mission, not a body (as round 12 #85)", "non_actor"),
 88: (N, 0, None, "'ICU specialist': an intensive care unit in general is not an actor", "non_actor"),
 89: (Y, 1, Y, "'Sen. Elizabeth Warren of Massachusetts': the state she represents, read as origin (as round 13 #64)", None),
 90: (Y, 0, Y, "'Gordon Moore, cofounder of Intel'", None),
 91: (Y, 0, Y, "'Chinese University political scientist Ma Ngok'", None),
 92: (N, 0, None, "object 'House Intelligence Committee Represenative Adam Schiff' runs a committee and a person together; Durbin is Senate Minority Whip", "garbled"),
 93: (Y, 0, Y, "'Liberal National MP John McVeigh'", None),
 94: (Y, 0, Y, "'Future Publishing founder Chris Anderson'", None),
 95: (N, 0, None, "'Fargo, Legion creator Noah Hawley': Fargo and Legion are TV series", "non_actor"),
 96: (N, 0, None, "'He' (Cummings) read as Howard University; 'Representatives' are his fellow House members, and voting against the Iraq War opposes neither", "misattached"),
 97: (Y, 0, Y, "'MP Yvette Cooper of the Labour Party'", None),
 98: (Y, 0, Y, "'UK parliament'", None),
 99: (Y, 0, Y, "'Democratic National Committee Chairman Tim Kaine'", None),
 100: (Y, 1, Y, "'Research and Advocacy Director for the Middle East and North Africa at Amnesty International': below the head, member_of holds", None),
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
