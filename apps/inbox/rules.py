"""The reading rules: who sends job-search mail, and how each kind of news is phrased.

Rules are families of phrasings, written from how such emails are commonly worded in
English, German and French, never from one particular message. Each rule carries a weight:
about 0.7 for a phrase that on its own says what the email is, about 0.4 for one that
needs company, and 0.3 or less for words that only support another signal. The engine in
classify.py combines them and says which ones it used.
"""

import re
from dataclasses import dataclass

REJECTION = "rejection"
INTERVIEW = "interview"
NEXT_STEPS = "next_steps"
OFFER = "offer"
ACKNOWLEDGEMENT = "acknowledgement"
OUTREACH = "outreach"
OTHER = "other"

# When two kinds are equally likely, the one listed first wins: a clear "no" matters most.
KIND_PRIORITY = (REJECTION, OFFER, INTERVIEW, NEXT_STEPS, ACKNOWLEDGEMENT, OUTREACH)

# Applicant-tracking systems: domain (and its subdomains) -> the name people know.
ATS_DOMAINS = {
    "greenhouse.io": "Greenhouse", "greenhouse-mail.io": "Greenhouse",
    "lever.co": "Lever", "ashbyhq.com": "Ashby", "ashbyhq.net": "Ashby",
    "myworkday.com": "Workday", "myworkdayjobs.com": "Workday", "workday.com": "Workday",
    "smartrecruiters.com": "SmartRecruiters", "smartrecruiters.eu": "SmartRecruiters",
    "icims.com": "iCIMS", "jobvite.com": "Jobvite", "workable.com": "Workable",
    "workablemail.com": "Workable", "teamtailor.com": "Teamtailor",
    "teamtailor-mail.com": "Teamtailor", "bamboohr.com": "BambooHR",
    "recruitee.com": "Recruitee", "personio.de": "Personio", "personio.com": "Personio",
    "applytojob.com": "JazzHR", "jazzhr.com": "JazzHR", "breezy.hr": "Breezy HR",
    "breezyhr.com": "Breezy HR", "taleo.net": "Taleo", "successfactors.com": "SuccessFactors",
    "successfactors.eu": "SuccessFactors", "oraclecloud.com": "Oracle Recruiting",
    "pinpointhq.com": "Pinpoint", "comeet.co": "Comeet", "softgarden.io": "softgarden",
    "softgarden.de": "softgarden", "dvinci.de": "d.vinci", "dvinci-easy.com": "d.vinci",
    "jobylon.com": "Jobylon", "homerun.co": "Homerun", "join.com": "JOIN",
    "zohorecruit.com": "Zoho Recruit", "zohorecruit.eu": "Zoho Recruit",
    "freshteam.com": "Freshteam", "manatal.com": "Manatal", "csod.com": "Cornerstone",
    "avature.net": "Avature", "eightfold.ai": "Eightfold", "flatchr.io": "Flatchr",
    "talent-soft.com": "Talentsoft", "recruitcrm.io": "Recruit CRM", "hirehive.com": "HireHive",
    "rexx-systems.com": "rexx systems", "concludis.de": "concludis", "umantis.com": "Umantis",
}  # fmt: skip
# Job boards send alerts and digests; their mail is not news about an application by itself.
JOB_BOARD_DOMAINS = {
    "linkedin.com", "indeed.com", "glassdoor.com", "stepstone.de", "stepstone.com",
    "xing.com", "monster.com", "ziprecruiter.com", "welcometothejungle.com", "otta.com",
    "wellfound.com", "dice.com", "seek.com.au", "totaljobs.com", "reed.co.uk", "apec.fr",
    "hellowork.com", "jobs.ch", "jobup.ch", "karriere.at", "indeed.de", "indeed.fr",
    "simplyhired.com", "careerbuilder.com", "jobteaser.com", "meteojob.com",
}  # fmt: skip
# Mail services anyone can have an address at: the domain says nothing about the company.
PERSONAL_MAIL_DOMAINS = {
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
    "icloud.com", "me.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de",
    "t-online.de", "orange.fr", "free.fr", "laposte.net", "aol.com", "mail.com", "yandex.com",
}  # fmt: skip
RECRUITING_LOCAL_PARTS = re.compile(
    r"^(careers?|jobs?|recruit\w*|talent\w*|hr|hiring|people|karriere|bewerbung\w*|"
    r"recrutement|rh|emploi|candidatures?|jobs-noreply|ta|staffing|personal)([.+_-].*)?$"
)
RECRUITING_NAMES = re.compile(
    r"\b(talent|recruit\w*|careers?|hiring|people (team|ops)|hr team|human resources|"
    r"personalabteilung|recrutement|ressources humaines|karriere|jobs)\b",
    re.IGNORECASE,
)

# Words that place a sentence in a job application (for phrases that need that context).
JOB_CONTEXT = re.compile(
    r"\b(applications?|applied|applying|candidac(y|ies)|candidates?|position|role|vacancy|"
    r"opening|interview\w*|hiring|recruit\w*|bewerbung\w*|bewerber\w*|stelle|"
    r"kandidat\w*|candidature|candidat\w*|poste|recrutement)\b"
)
# A negation just before a phrase turns good news around ("not able to offer you").
NEGATION_BEFORE = re.compile(
    r"(\bnot|n't|\bunable to|\bcannot|\bno longer|\bnicht|\bkein\w*|\bpas|\bne)\W+"
    r"(?:[\w'-]+\W+){0,3}$"
)
# A condition in the same sentence ("if your profile matches, we will invite you").
CONDITIONAL = re.compile(r"\b(if|should|once|in case|wenn|falls|sollten?|sobald|si|dès que)\b")


@dataclass(frozen=True)
class Rule:
    kind: str
    weight: float
    pattern: re.Pattern
    needs_context: bool = False  # counts only in a text about an application
    negatable: bool = False  # a negation just before it cancels it
    conditional: bool = False  # halved inside an "if ..." sentence


def _rules(kind: str, weight: float, *patterns: str, **flags) -> list[Rule]:
    return [Rule(kind, weight, re.compile(pattern), **flags) for pattern in patterns]


W = r"(?:[\w'’-]+\s+){0,4}"  # up to four words in between
CANDIDATES_EN = r"(candidates?|applicants?|profiles?|individuals?|people)"
APPLICATION_EN = r"(application|candidacy|candidature|profile|cv|resume)"

RULES: list[Rule] = [
    # Rejection: English.
    *_rules(
        REJECTION,
        0.75,
        rf"\b(decided|chosen|opted|elected|decision|going|plan) to (move|go|proceed|continue|"
        rf"progress|pursue|move forward|go forward|go ahead) {W}with {W}(other|another|"
        rf"different|alternative|more suitable|stronger|more experienced) {W}{CANDIDATES_EN}",
        rf"\b(pursue|pursuing|selected|chosen|hired|gone with|went with|going with|"
        rf"moving ahead with|decided on|settled on) "
        rf"(an?other|other|different|a different|another) {W}?{CANDIDATES_EN}",
        r"\boffer(ed|ing)? (the|this) (position|role|job|offer) to (an?other|a different|an "
        r"internal|someone)",
        rf"\b{CANDIDATES_EN} (whose|who|with) {W}(are )?(a )?(closer|better|stronger|more "
        r"relevant|more closely|more suitable) (match|fit|aligned|matched|suited)",
        rf"(\bnot|n't|\bunable to|\bcannot) (be )?(move|moving|go|going|proceed|proceeding|"
        rf"progress|progressing|take|taking|advance|advancing)( forward| ahead| further)? "
        rf"with (you|your) {W}?{APPLICATION_EN}",
        rf"(\bnot|n't|\bunable to|\bcannot) (be )?(progress|progressing|advance|advancing|"
        rf"consider|considering|take|taking) (you|your {W}?{APPLICATION_EN}) (any )?"
        rf"(further|forward)",
        r"(\bnot|n't) (be )?(moving|going|progressing|proceeding|advancing) "
        r"(forward|further|ahead)\b",
        rf"\b(decided|chosen|opted|elected|determined) not to (proceed|move forward|continue|"
        rf"progress|pursue|advance|invite|take) {W}?(with )?(you|your|further)",
        r"\b(decided|chosen|opted|elected|determined) not to (move|go|proceed|progress|"
        r"continue) (forward|further|ahead)\b",
        rf"\byour {APPLICATION_EN} (was|has been|is|had been) (unsuccessful|not successful|"
        r"declined|rejected|not selected|not been successful)",
        r"\b(you|your application) (were|was|have been|has been|had been) (not )?"
        r"(unsuccessful|not successful|not selected|not shortlisted)",
        r"\bnot been (successful|selected|shortlisted)\b",
        r"(\bunable to|\bnot able to|\bcannot|\bcan't|\bnot be able to|\bwon't be able to|"
        r"\bwon't be|\bwill not be|\bnot be) "
        r"(offer|offering|extend|extending) (you )?(the |a |an )?(position|role|job|place|offer)",
        r"\bno longer (being )?(considered|under consideration|in consideration)\b",
        r"\b(will|would) not be (considered|progressed|taken) further\b",
        r"\b(move|moving|go|going) (forward )?in a different direction\b",
        rf"\b(other|another) {CANDIDATES_EN} whose (skills|experience|background|"
        r"qualifications|profiles?) (more closely|better|more) (match|align|fit|suit)",
        r"\bdecided against (proceeding|moving forward|progressing|your application)",
    ),
    *_rules(
        REJECTION,
        0.5,
        r"\b(position|role|vacancy|job) has (now |already )?been filled\b",
        r"\bnot (the|a) (right|good|strong|close|suitable) (fit|match)\b",
        r"\b(have|has) (now )?(filled|closed) the (position|role|vacancy)\b",
        needs_context=True,
    ),
    *_rules(
        REJECTION,
        0.35,
        r"\b(regret|sorry) to (inform|let you know|tell you|advise|share|say|report)\b",
        r"\b(unfortunately|sadly|regrettably),? (at this (time|point)|on this occasion)",
        needs_context=True,
    ),
    *_rules(
        REJECTION,
        0.25,
        r"\b(wish|wishing) you (the best|all the best|every success|success|luck|the very best)"
        r" (in|with) (your|the) (job )?(search|future|career|endeavou?rs|next steps)",
        r"\bkeep your (cv|resume|details|profile|information|application) on (file|record)\b",
        r"\b(future|other) (openings|opportunities|vacancies|roles) (that|which) (better|more "
        r"closely) (match|fit|suit)",
        r"\bon this occasion\b",
    ),
    *_rules(
        REJECTION,
        0.12,
        r"\bafter (careful|much|thorough|a lot of) (consideration|review|deliberation)\b",
        r"\b(unfortunately|sadly|regrettably)\b",
        r"\bdifficult decision\b",
    ),
    # Rejection: German.
    *_rules(
        REJECTION,
        0.75,
        r"\b(für|zugunsten) (eine[nrs]? )?(andere[nrs]?|weitere[nrs]?) "
        r"(kandidat|bewerber|bewerbung|profil)\w*",
        r"\b(gegen|nicht für) (ihre|deine|eine) (bewerbung|kandidatur) entschieden",
        r"\b(ihre|deine) (bewerbung|kandidatur|unterlagen) (leider )?(nicht|keine) "
        r"(weiter|länger|mehr)?\s?(berücksichtig|weiterverfolg|weiter verfolg|in betracht|"
        r"in die engere)",
        r"\bnicht in die (engere|nähere|finale) auswahl",
        r"\b(ihnen|dir) (leider )?(eine absage|absagen) (erteilen|geben|mitteilen|schicken)",
        r"\b(leider )?(keine|nicht die) (positive|erfreuliche|gute)n? "
        r"(nachricht|rückmeldung|antwort|mitteilung)",
        r"\b(nicht|keine) (weiter )?(berücksichtigen|berücksichtigt werden)\b",
    ),
    *_rules(
        REJECTION,
        0.5,
        r"\b(stelle|position|vakanz) (wurde |ist |haben wir )?(bereits |inzwischen )?"
        r"(anderweitig )?(besetzt|vergeben)",
        r"\babsage\b",
        r"\bmüssen (wir )?(ihnen|dir) (leider )?mitteilen",
        needs_context=True,
    ),
    *_rules(
        REJECTION,
        0.25,
        r"\b(alles gute|viel erfolg) (für|bei|auf) (ihre[mnr]?|deine[mnr]?|dem|der|ihrem) "
        r"(weiteren |beruflichen |künftigen )*(weg|zukunft|suche|stellensuche|jobsuche|"
        r"werdegang|laufbahn)",
        r"\b(leider|bedauerlicherweise|bedauern)\b",
    ),
    # Rejection: French.
    *_rules(
        REJECTION,
        0.75,
        r"\b(ne|n') ?(pouvons|pourrons|pouvions|sommes pas en mesure de|allons) ?(pas )?"
        r"(donner|réserver|apporter) (une )?suite (favorable )?à votre candidature",
        r"\bpas (de )?suite favorable\b",
        r"\bne (donnerons|donnons) pas suite\b",
        r"\b(n'a|n'ont|ne sera|n'avons) (\w+ )?pas (été )?(pu )?(être )?(retenue?s?|"
        r"sélectionnée?s?|"
        r"retenu votre)",
        r"\b(retenu|choisi|privilégié|sélectionné|orienté\w*(?: vers)?) (un |une |d'autres |"
        r"un autre |une autre )(autres? )?(candidat|candidature|profil)\w*",
        r"\bne pas (retenir|poursuivre avec) votre candidature",
    ),
    *_rules(
        REJECTION,
        0.5,
        r"\b(nous sommes au regret|nous avons le regret|nous regrettons) de vous",
        r"\bréponse (négative|défavorable)\b",
        r"\b(le )?poste (a été|est) (déjà )?pourvu",
        r"\bne correspond pas (tout à fait |exactement |entièrement )?(à|aux) (nos|notre)",
        needs_context=True,
    ),
    *_rules(
        REJECTION,
        0.25,
        r"\b(bonne continuation|plein succès|succès|bonne chance) (dans|pour) (vos|votre) "
        r"(recherches?|démarches|projets?|carrière)",
        r"\b(malheureusement|nous regrettons)\b",
    ),
    # Interview: English.
    *_rules(
        INTERVIEW,
        0.7,
        r"\binvit(e|ing) you (to|for) (an? |the |your )?([\w-]+ ){0,3}(interview|conversation"
        r"|call|chat|meeting|video call|screen)",
        r"\b(interview|call|screen) (invitation|invite)\b",
        r"\binvitation (to|for) (an? |the )?([\w-]+ ){0,2}interview",
        r"\byour (\w+ ){0,2}interview (\S+ ){0,6}(is|has been) (now )?(scheduled|confirmed|"
        r"booked|set)",
        r"\binterview (confirmation|confirmed|scheduled|booked)\b",
        negatable=True,
        conditional=True,
    ),
    *_rules(
        INTERVIEW,
        0.55,
        r"\b(schedule|book|arrange|set up|organi[sz]e|find a time for) (an? |the |your |a time "
        r"for (an? |the )?)?([\w-]+ ){0,2}(interview|call|chat|conversation|screen(ing)?)",
        r"\b(like|love|want) to (speak|talk|chat|meet) ((with|to) )?you\b",
        r"\b(your|an) interview (with|at|on)\b",
        negatable=True,
        conditional=True,
    ),
    *_rules(
        INTERVIEW,
        0.45,
        r"\b(let (us|me) know|share|send (us|me)|tell (us|me)|what is|what are|confirm) your "
        r"availabilit",
        r"\b(when|what times?|which days?) (are|would) you (be )?available\b",
        r"\b(calendly\.com|cal\.com|goodtime\.io|pick a (time|slot)|select a (time|slot)|"
        r"book a (time|slot)|choose a (time|slot))",
        r"\b(phone|video|technical|on-?site|final|first|second|panel|hiring manager) "
        r"(round|interview|screen)\b",
        conditional=True,
    ),
    *_rules(
        INTERVIEW,
        0.2,
        r"\b(zoom\.us/j|teams\.microsoft\.com|meet\.google\.com)",
        r"\binterview\b",
    ),
    # Interview: German and French.
    *_rules(
        INTERVIEW,
        0.7,
        r"\b(zu einem|zum|zu unserem) (\w+ ){0,2}(vorstellungsgespräch|kennenlerngespräch|"
        r"bewerbungsgespräch|gespräch|interview|telefoninterview|videointerview|videocall)",
        r"\beinladung (zu einem|zum) ",
        r"\b(sie|dich) (gerne |gern )?(persönlich )?(kennenlernen|kennen lernen)\b",
        r"\b(souhaiterions|souhaitons|aimerions|voudrions|souhaiterais|aimerais) vous "
        r"(rencontrer|recevoir|convier)\b",
        r"\b(inviter|convier|convoquer) (à|pour) (un|une) (\w+ ){0,2}(entretien|échange|"
        r"rencontre|visio)",
        negatable=True,
        conditional=True,
    ),
    *_rules(
        INTERVIEW,
        0.45,
        r"\b(vorstellungsgespräch|terminvorschl\w+|termin (zu )?vereinbaren|"
        r"ihre verfügbarkeit|wann (sie|du) zeit)",
        r"\b(vos|de vos) disponibilités\b",
        r"\b(fixer|planifier|organiser|convenir d') ?(un|une) (rendez-vous|entretien|créneau)",
        r"\bentretien (téléphonique|vidéo|technique|final)\b",
        conditional=True,
    ),
    # Next steps: moved forward, take-home tasks.
    *_rules(
        NEXT_STEPS,
        0.65,
        r"\b(move|moved|moving|advance|advanced|advancing|progress|progressed|progressing|"
        r"proceed|proceeding|invite you|go through) (you |your application )?(on |forward )?"
        r"to the (next|following|final) (round|stage|step|phase)",
        r"\b(like|happy|excited|pleased|glad) to (move|proceed|progress|go) (forward|ahead) "
        r"with (you|your) (application|candidacy)",
        r"\b(you('ve| have)|you were|you've) been (shortlisted|selected for the next)",
        r"\b(take-?home|coding|technical|case|written|work sample) (assignment|exercise|"
        r"challenge|task|test|study|assessment)",
        r"\b(online assessment|hackerrank|codility|codesignal|testgorilla|coderbyte)\b",
        r"\b(nächste[nr]?|weitere[nr]?) (runde|schritt|stufe|phase) (im|unseres|des) ",
        r"\b(probeaufgabe|testaufgabe|fallstudie|case study)\b",
        r"\b(prochaine étape|étape suivante|tour suivant|prochain tour)\b",
        r"\b(étude de cas|test technique|exercice technique)\b",
        negatable=True,
    ),
    *_rules(
        NEXT_STEPS,
        0.3,
        r"\b(happy|pleased|delighted|glad|excited) to (let you know|inform you|share|tell you)",
        r"\b(freuen uns|freue mich),? (ihnen|dir) mitzuteilen",
        r"\b(ravis|heureux|heureuse) de vous (informer|annoncer)",
        negatable=True,
    ),
    # Offer.
    *_rules(
        OFFER,
        0.75,
        r"\b(pleased|happy|delighted|thrilled|excited|glad) to (extend|offer|make) (you )?"
        r"(an? |the |this |our )?(formal |written |verbal |official |job )?(offer|position)",
        r"\b(like|want) to offer you (the|a|this) (position|role|job)",
        r"\boffer (letter|of employment)\b",
        r"\b(freuen uns|freue mich),? (ihnen|dir) (die stelle|die position|ein angebot|einen "
        r"vertrag|eine zusage)",
        r"\b(vertragsangebot|arbeitsvertrag)\b",
        r"\b(proposition|promesse) d'embauche\b",
        r"\b(le plaisir|heureux|heureuse|ravis) de vous (proposer|offrir) (le|ce|un) poste",
        negatable=True,
    ),
    *_rules(
        OFFER,
        0.3,
        r"\b(start date|base salary|compensation package|signing bonus|sign the offer|"
        r"accept the offer|starting salary|eintrittsdatum|date de démarrage)\b",
        r"\bcongratulations\b|\bherzlichen glückwunsch\b|\bfélicitations\b",
        negatable=True,
    ),
    # Acknowledgement: the application arrived.
    *_rules(
        ACKNOWLEDGEMENT,
        0.6,
        r"\b(we('ve| have)|has been|was|have) (successfully )?received (your|the) "
        r"(job )?(application|candidacy|submission|cv|resume)",
        r"\b(thank you|thanks) for (applying|submitting your application|your application)\b",
        rf"\b(application|candidacy) ((for|to) {W})?(has been |was |is )?(successfully )?"
        r"(received|submitted)\b",
        r"\b(eingangsbestätigung|bewerbung (ist )?(gut )?(bei uns )?eingegangen|(ihre|deine) "
        r"bewerbung (haben wir )?erhalten|haben (ihre|deine) bewerbung erhalten)",
        r"\b(avons bien reçu|accusons réception|accusé de réception)\b",
    ),
    *_rules(
        ACKNOWLEDGEMENT,
        0.3,
        r"\bwe will (carefully )?review your (application|profile|cv|resume|details)\b",
        r"\b(our|the) (\w+ ){0,2}team will (review|be in touch|get back|reach out|contact)",
        r"\b(vielen dank|danke) für (ihre|deine) bewerbung\b",
        r"\bmerci (pour|de) votre candidature\b",
        r"\bthank you for your interest in\b",
    ),
    # Recruiter outreach.
    *_rules(
        OUTREACH,
        0.6,
        r"\bcame across your (\w+ )?(profile|background|resume|cv|experience)",
        r"\b(reach|reaching) out (to you )?(about|regarding|because of|with|in relation to) "
        r"(an? |this |one )?(\w+ ){0,2}(role|position|opportunity|opening|vacancy)",
        r"\b(are|would) you (be )?(open|interested) (to|in) (\w+ ){0,2}(opportunit|role|"
        r"position|conversation|chat|hearing more|exploring)",
        r"\b(auf|über) (ihr|dein) profil (\w+ ){0,3}(gestoßen|aufmerksam)",
        r"\bvotre profil a (retenu|attiré) (mon|notre) attention\b",
        r"\b(opportunité|poste) qui pourrait vous intéresser\b",
    ),
    *_rules(
        OUTREACH,
        0.35,
        r"\b(i'm|i am) (a |an )?(\w+ )?(recruiter|headhunter|talent partner|talent acquisition"
        r"|sourcer|recruitment consultant)",
        r"\b(i'm|i am|we're|we are) (currently )?(hiring|recruiting) for\b",
        r"\byour (background|experience|profile) (is|looks|seems|would be) (a )?(great|perfect"
        r"|strong|excellent|really interesting|very relevant)",
        r"\b(offen für|open to) (neue |new )?(herausforderungen|opportunities|möglichkeiten)",
    ),
]

# Messages that are about jobs in general, not about the person's own applications.
DIGEST = re.compile(
    r"\b(job alerts?|new jobs? (for you|matching|that match|near you)|jobs? (you may|you might)"
    r" (be interested|like)|recommended jobs|jobs? (based on|picked for) (your|you)|"
    r"\d+ new jobs|stellenangebote für (sie|dich)|neue jobs|jobempfehlung\w*|jobs, die zu|"
    r"offres d'emploi (qui|pour)|alerte emploi|nouvelles offres|top jobs for you)\b"
)
MARKETING = re.compile(
    r"\b(unsubscribe|view (this email )?in (your )?browser|newsletter|webinar|podcast|"
    r"blog post|register now|sign up (now|today)|free trial|upgrade to premium|% off|"
    r"abmelden|abbestellen|désabonner|désinscri\w+|se désinscrire)\b"
)
EVENT_CANCELLED = re.compile(
    r"\b(event|webinar|meetup|fair|session|workshop|conference|class|course|concert|"
    r"veranstaltung|messe|seminar|événement|salon|atelier|conférence)\w* (\w+ ){0,3}"
    r"(has been |is |was |ist |wurde |a été |est )?(cancel+ed|postponed|called off|abgesagt|"
    r"verschoben|annulée?|reportée?)"
)
