"""Labelled example emails, written for Rebound's tests in many styles: applicant-tracking
systems and people, plain text and HTML-only, quoted-printable and base64 bodies, non-ASCII
names, English, German and French, and the traps that must not read as news.

`heldout` samples were written after the rules and never used to adjust them: their scores
show how the rules do on mail they were not shaped by. (Three samples written in that batch
were missed on the first held-out run; the phrase families they showed were then added to
the rules, so those three now count as seen, marked heldout=False.)
"""

import base64
import quopri
from dataclasses import dataclass, field
from email.header import Header
from email.utils import formataddr


@dataclass(frozen=True)
class Sample:
    name: str
    kind: str
    sender: tuple[str, str]
    subject: str
    body: str
    html: bool = False
    encoding: str = "8bit"  # "8bit", "quoted-printable" or "base64"
    headers: dict = field(default_factory=dict)
    company: str = ""
    role: str = ""
    heldout: bool = False
    date: str = "Tue, 03 Mar 2026 09:30:00 +0100"

    def as_bytes(self, *, message_id: str | None = None) -> bytes:
        content_type = "text/html" if self.html else "text/plain"
        if self.encoding == "base64":
            payload = base64.encodebytes(self.body.encode()).decode()
        elif self.encoding == "quoted-printable":
            payload = quopri.encodestring(self.body.encode()).decode()
        else:
            payload = self.body
        name, address = self.sender
        sender = formataddr((str(Header(name, "utf-8")) if not name.isascii() else name, address))
        subject = self.subject if self.subject.isascii() else Header(self.subject, "utf-8").encode()
        lines = [
            f"From: {sender}",
            "To: Alice Example <alice@example.com>",
            f"Subject: {subject}",
            f"Date: {self.date}",
            f"Message-ID: <{message_id or self.name}@fixtures.rebound.test>",
            "MIME-Version: 1.0",
            f"Content-Type: {content_type}; charset=utf-8",
            f"Content-Transfer-Encoding: {self.encoding}",
            *(f"{key}: {value}" for key, value in self.headers.items()),
            "",
            payload,
        ]
        return "\r\n".join(lines).encode()


BULK = {"List-Unsubscribe": "<mailto:leave@lists.example.net>", "Precedence": "bulk"}

SAMPLES = [
    # --- Rejections ----------------------------------------------------------------------
    Sample(
        "rej_greenhouse_plain",
        "rejection",
        ("Northwind Traders", "no-reply@us.greenhouse-mail.io"),
        "Your application to Northwind Traders",
        "Hi Alice,\n\nThank you for taking the time to apply for the Data Analyst role at "
        "Northwind Traders. We enjoyed learning about your background.\n\nAfter careful "
        "consideration, we have decided to move forward with other candidates whose experience "
        "more closely matches what the team needs right now.\n\nWe wish you the best in your "
        "search.\n\nThe Northwind Traders Recruiting Team",
        company="Northwind Traders",
        role="Data Analyst",
    ),
    Sample(
        "rej_lever_html",
        "rejection",
        ("Globex", "no-reply@hire.lever.co"),
        "Following up on your application",
        "<html><head><style>p{color:#333}</style></head><body><p>Hi Alice,</p><p>Thanks so "
        "much for your interest in the <b>Backend Engineer</b> position at Globex.</p><p>We "
        "received a large number of applications and, unfortunately, we won&#39;t be moving "
        "forward with your application at this time.</p><p>All the best,<br>Globex Talent</p>"
        "<img src='https://tracker.example.net/open.gif'></body></html>",
        html=True,
        company="Globex",
        role="Backend Engineer",
    ),
    Sample(
        "rej_workday_qp",
        "rejection",
        ("Initech Careers", "initech@myworkday.com"),
        "Update regarding your candidacy – Product Designer",
        "Dear Alice,\n\nWe appreciate your interest in the Product Designer opening at Initech "
        "and the time you invested in our process.\n\nWe regret to inform you that your "
        "application was not successful on this occasion. We will keep your CV on file and "
        "may contact you about future roles that match your profile.\n\nKind regards,\nInitech "
        "Talent Acquisition",
        encoding="quoted-printable",
        company="Initech",
        role="Product Designer",
    ),
    Sample(
        "rej_ashby_short",
        "rejection",
        ("Umbrella Health", "hiring@ashbyhq.com"),
        "Umbrella Health – application update",
        "Hi Alice — thanks for applying to the Site Reliability Engineer role. We've reviewed "
        "your application carefully and decided not to proceed with your candidacy. Best of "
        "luck with your search!\n\nUmbrella Health",
        company="Umbrella Health",
        role="Site Reliability Engineer",
    ),
    Sample(
        "rej_person_direct",
        "rejection",
        ("Maria Lopez", "maria.lopez@vandelay.com"),
        "Re: Sales Operations Lead",
        "Hi Alice,\n\nThank you again for speaking with the team last week. It was a close "
        "call, but we've chosen another candidate for the Sales Operations Lead role.\n\nI "
        "really enjoyed our conversation and hope our paths cross again.\n\nMaria\n\nOn Mon, "
        "2 Mar 2026 at 10:02, Alice Example <alice@example.com> wrote:\n> Hi Maria, just "
        "checking in on the next steps.",
        company="Vandelay",
        role="Sales Operations Lead",
    ),
    Sample(
        "rej_smartrecruiters_base64",
        "rejection",
        ("Stark Logistics", "careers@smartrecruiters.com"),
        "Stark Logistics: Your application for Warehouse Planner",
        "Dear Alice,\n\nThank you for applying for the Warehouse Planner position. We have "
        "reviewed your application and, while your background is impressive, we will not be "
        "progressing your application further.\n\nWe wish you every success in your future "
        "career.\n\nStark Logistics Hiring Team",
        encoding="base64",
        company="Stark Logistics",
        role="Warehouse Planner",
    ),
    Sample(
        "rej_filled",
        "rejection",
        ("Wonka Foods Recruitment", "recruitment@wonkafoods.co.uk"),
        "Your application - Quality Technician",
        "Dear Alice\n\nThank you for your recent application for the Quality Technician "
        "vacancy. We are sorry to let you know that the position has now been filled.\n\nWe "
        "appreciate the interest you have shown in Wonka Foods.\n\nRecruitment Team",
        company="Wonka Foods",
        role="Quality Technician",
    ),
    Sample(
        "rej_after_interview",
        "rejection",
        ("Priya Raman", "priya@hooli.xyz"),
        "Your interviews with Hooli",
        "Hi Alice,\n\nThank you for spending so much time with us over the last two weeks. The "
        "panel was impressed by your systems thinking. After a lot of deliberation we've made "
        "the difficult decision to go with another candidate for the Staff Engineer role, "
        "mostly because of their deeper payments experience.\n\nIf you'd like feedback, I'm "
        "happy to set up a short call.\n\nPriya",
        company="Hooli",
        role="Staff Engineer",
    ),
    Sample(
        "rej_de_formal",
        "rejection",
        ("Müller & Söhne GmbH", "bewerbung@mueller-soehne.de"),
        "Ihre Bewerbung als Buchhalter (m/w/d)",
        "Sehr geehrte Frau Example,\n\nvielen Dank für Ihre Bewerbung und das Interesse an "
        "unserem Unternehmen. Nach sorgfältiger Prüfung Ihrer Unterlagen müssen wir Ihnen "
        "leider mitteilen, dass wir uns für einen anderen Bewerber entschieden haben.\n\nWir "
        "wünschen Ihnen für Ihre berufliche Zukunft alles Gute.\n\nMit freundlichen Grüßen\n"
        "Personalabteilung Müller & Söhne",
        encoding="quoted-printable",
        company="Müller & Söhne",
        role="Buchhalter",
    ),
    Sample(
        "rej_de_personio",
        "rejection",
        ("Brauhaus Nord", "jobs@brauhaus-nord.jobs.personio.de"),
        "Absage: Ihre Bewerbung bei Brauhaus Nord",
        "Hallo Alice,\n\nherzlichen Dank für deine Bewerbung als Marketing Managerin. Leider "
        "können wir deine Bewerbung nicht weiter berücksichtigen, da wir Profile mit mehr "
        "Erfahrung im Getränkehandel suchen.\n\nViel Erfolg bei deiner weiteren Jobsuche!\n"
        "Dein Team von Brauhaus Nord",
        company="Brauhaus Nord",
        role="Marketing Managerin",
    ),
    Sample(
        "rej_fr_formal",
        "rejection",
        ("Société Générale de Logiciels", "rh@sgl-logiciels.fr"),
        "Votre candidature au poste de Chef de projet",
        "Madame,\n\nNous vous remercions de l'intérêt que vous portez à notre société. Après "
        "examen attentif de votre dossier, nous sommes au regret de vous informer que nous ne "
        "pouvons pas donner une suite favorable à votre candidature.\n\nNous vous souhaitons "
        "plein succès dans vos recherches.\n\nLe service des ressources humaines",
        encoding="quoted-printable",
        company="Société Générale de Logiciels",
        role="Chef de projet",
    ),
    Sample(
        "rej_fr_teamtailor",
        "rejection",
        ("Atelier Lumière", "atelier-lumiere@teamtailor-mail.com"),
        "Suite à votre candidature",
        "Bonjour Alice,\n\nMerci d'avoir postulé chez Atelier Lumière pour le poste de "
        "Développeuse front-end. Votre candidature n'a malheureusement pas été retenue pour la "
        "suite du processus.\n\nBonne continuation dans vos recherches !\nL'équipe Atelier "
        "Lumière",
        company="Atelier Lumière",
        role="Développeuse front-end",
    ),
    Sample(
        "rej_html_only_workable",
        "rejection",
        ("Pied Piper", "noreply@candidates.workablemail.com"),
        "Thank you for applying to Pied Piper",
        "<table><tr><td><h2>Pied Piper</h2></td></tr><tr><td><p>Dear Alice,</p><p>Thank you "
        "for applying for the Compression Researcher role. We had many strong applicants, and "
        "after reviewing your profile we have decided to pursue other candidates for this "
        "position.</p><p>Best wishes,<br>Pied Piper</p><p style='font-size:10px'>Powered by "
        "Workable</p></td></tr></table>",
        html=True,
        encoding="base64",
        company="Pied Piper",
        role="Compression Researcher",
    ),
    # --- Interviews ----------------------------------------------------------------------
    Sample(
        "int_invite_dates",
        "interview",
        ("Jordan Lee", "jordan.lee@globex.com"),
        "Interview invitation – Backend Engineer",
        "Hi Alice,\n\nThanks for applying to Globex. We'd like to invite you to a 45-minute "
        "video interview with our engineering manager. Would Tuesday, 10 March at 2:30 pm "
        "work for you? If not, let me know your availability this week.\n\nBest,\nJordan",
        company="Globex",
        role="Backend Engineer",
    ),
    Sample(
        "int_greenhouse_schedule",
        "interview",
        ("Northwind Traders", "no-reply@greenhouse.io"),
        "Schedule your interview with Northwind Traders",
        "Hi Alice,\n\nGood news: the hiring team would like to schedule a phone screen for the "
        "Data Analyst role. Please pick a time that suits you using the link below.\n\n"
        "https://app.greenhouse.io/scheduling/abc\n\nNorthwind Traders Recruiting",
        company="Northwind Traders",
        role="Data Analyst",
    ),
    Sample(
        "int_confirmed_html",
        "interview",
        ("Initech Recruiting", "recruiting@initech.com"),
        "Confirmed: Your interview on 12 March",
        "<p>Hello Alice,</p><p>Your interview for the <strong>Product Designer</strong> "
        "position has been confirmed for <b>Thursday 12 March 2026 at 11:00</b> (CET).</p><p>"
        "Join here: https://meet.google.com/abc-defg-hij</p><p>See you soon,<br>Initech</p>",
        html=True,
        company="Initech",
        role="Product Designer",
    ),
    Sample(
        "int_de",
        "interview",
        ("Kaffeerösterei Weiß", "karriere@roesterei-weiss.de"),
        "Einladung zum Vorstellungsgespräch",
        "Liebe Frau Example,\n\nvielen Dank für Ihre Bewerbung als Teamleiterin Vertrieb. Wir "
        "möchten Sie gerne zu einem persönlichen Gespräch einladen. Passt Ihnen Mittwoch, der "
        "11. März 2026 um 10:00 Uhr?\n\nViele Grüße\nIhr Team der Kaffeerösterei Weiß",
        encoding="quoted-printable",
        company="Kaffeerösterei Weiß",
        role="Teamleiterin Vertrieb",
    ),
    Sample(
        "int_fr",
        "interview",
        ("Camille Martin", "camille.martin@atelier-lumiere.fr"),
        "Entretien - Développeuse front-end",
        "Bonjour Alice,\n\nVotre profil nous intéresse et nous souhaiterions vous inviter à un "
        "entretien en visio. Pourriez-vous me communiquer vos disponibilités pour la semaine "
        "prochaine ?\n\nBien cordialement,\nCamille",
        company="Atelier Lumière",
        role="Développeuse front-end",
    ),
    Sample(
        "int_calendly",
        "interview",
        ("Sam Ortiz", "sam@umbrellahealth.io"),
        "Quick chat about the SRE role?",
        "Hi Alice, thanks for your application! I'd love to talk with you about the Site "
        "Reliability Engineer role. You can grab 30 minutes on my calendar here: "
        "https://calendly.com/sam-ortiz/30min\n\nSam, Talent Partner at Umbrella Health",
        company="Umbrella Health",
        role="Site Reliability Engineer",
    ),
    # --- Next steps ------------------------------------------------------------------------
    Sample(
        "next_round",
        "next_steps",
        ("Stark Logistics", "careers@smartrecruiters.com"),
        "Good news about your application",
        "Dear Alice,\n\nWe are pleased to let you know that you have moved to the next round "
        "for the Warehouse Planner position. A member of our team will contact you shortly "
        "with details.\n\nStark Logistics Hiring Team",
        company="Stark Logistics",
        role="Warehouse Planner",
    ),
    Sample(
        "next_takehome",
        "next_steps",
        ("Hooli Engineering", "talent@hooli.xyz"),
        "Next step: take-home exercise",
        "Hi Alice,\n\nThanks for the great conversation. As a next step we'd like you to "
        "complete a short take-home exercise (about three hours). You'll find the brief "
        "attached; please send it back within a week.\n\nHooli Talent",
        company="Hooli",
        role="",
    ),
    Sample(
        "next_fr",
        "next_steps",
        ("Atelier Lumière", "atelier-lumiere@teamtailor-mail.com"),
        "Prochaine étape de votre candidature",
        "Bonjour Alice,\n\nBonne nouvelle ! Votre candidature passe à l'étape suivante : un "
        "test technique à réaliser en ligne. Vous recevrez le lien par e-mail.\n\nL'équipe "
        "Atelier Lumière",
        company="Atelier Lumière",
        role="",
    ),
    # --- Offers ----------------------------------------------------------------------------
    Sample(
        "offer_en",
        "offer",
        ("Dana Whitfield", "dana@vandelay.com"),
        "Offer – Sales Operations Lead",
        "Hi Alice,\n\nI'm delighted to extend you an offer to join Vandelay as our Sales "
        "Operations Lead! Your offer letter is attached, including the base salary and a "
        "proposed start date of 1 April. Let's talk through any questions.\n\nDana",
        company="Vandelay",
        role="Sales Operations Lead",
    ),
    Sample(
        "offer_de",
        "offer",
        ("Müller & Söhne GmbH", "bewerbung@mueller-soehne.de"),
        "Ihr Vertragsangebot",
        "Sehr geehrte Frau Example,\n\nwir freuen uns, Ihnen die Stelle als Buchhalterin "
        "anbieten zu können. Anbei erhalten Sie Ihren Arbeitsvertrag zur Unterschrift.\n\n"
        "Mit freundlichen Grüßen\nMüller & Söhne",
        company="Müller & Söhne",
        role="Buchhalterin",
    ),
    # --- Acknowledgements --------------------------------------------------------------------
    Sample(
        "ack_greenhouse",
        "acknowledgement",
        ("Northwind Traders", "no-reply@us.greenhouse-mail.io"),
        "Thank you for applying to Northwind Traders",
        "Hi Alice,\n\nThanks for applying to the Data Analyst role! We have received your "
        "application and our team will review it shortly. If your experience is a good match, "
        "we'll reach out to schedule an interview.\n\nNorthwind Traders",
        company="Northwind Traders",
        role="Data Analyst",
    ),
    Sample(
        "ack_de",
        "acknowledgement",
        ("Brauhaus Nord", "jobs@brauhaus-nord.jobs.personio.de"),
        "Eingangsbestätigung Ihrer Bewerbung",
        "Hallo Alice,\n\nvielen Dank für deine Bewerbung! Deine Bewerbung ist bei uns "
        "eingegangen und wir melden uns, sobald wir sie geprüft haben.\n\nDein Team von "
        "Brauhaus Nord",
        company="Brauhaus Nord",
        role="",
    ),
    Sample(
        "ack_fr",
        "acknowledgement",
        ("Recrutement SGL", "recrutement@sgl-logiciels.fr"),
        "Accusé de réception de votre candidature",
        "Madame,\n\nNous avons bien reçu votre candidature pour le poste de Chef de projet et "
        "vous en remercions. Elle sera étudiée avec attention.\n\nLe service recrutement",
        company="Société Générale de Logiciels",
        role="Chef de projet",
    ),
    Sample(
        "ack_html_icims",
        "acknowledgement",
        ("Wayne Enterprises", "wayne@talent.icims.com"),
        "Application received: Security Analyst",
        "<div><p>Dear Alice,</p><p>Thank you for your interest in Wayne Enterprises. Your "
        "application for <i>Security Analyst</i> has been successfully submitted.</p><p>You "
        "can check its status at any time in your candidate profile.</p></div>",
        html=True,
        encoding="quoted-printable",
        company="Wayne Enterprises",
        role="Security Analyst",
    ),
    # --- Recruiter outreach -----------------------------------------------------------------
    Sample(
        "out_linkedin_style",
        "outreach",
        ("Chris Patel", "chris.patel@talentbridge.io"),
        "Senior Data role – open to a chat?",
        "Hi Alice,\n\nI came across your profile and was impressed by your analytics work. "
        "I'm a recruiter at TalentBridge and I'm hiring for a Senior Data Analyst at a "
        "fintech client. Would you be open to a quick conversation this week?\n\nChris",
        company="TalentBridge",
        role="Senior Data Analyst",
    ),
    Sample(
        "out_de",
        "outreach",
        ("Jonas Becker", "j.becker@headhunt-partner.de"),
        "Spannende Position als Head of Data",
        "Hallo Frau Example,\n\nich bin über Ihr Profil auf XING gestoßen und denke, dass eine "
        "Position als Head of Data bei einem meiner Kunden gut passen könnte. Wären Sie offen "
        "für neue Herausforderungen?\n\nBeste Grüße\nJonas Becker",
        company="Headhunt Partner",
        role="Head of Data",
    ),
    # --- Not about the search (traps) ------------------------------------------------------
    Sample(
        "trap_job_alert",
        "other",
        ("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"),
        '12 new jobs for "data analyst"',
        "Your job alert for data analyst in Berlin\n\n12 new jobs match your preferences.\n\n"
        "Data Analyst - Globex - Berlin\nJunior Data Analyst - Initech - Remote\nApply with "
        "your profile\n\nUnsubscribe from this job alert",
        headers=BULK,
    ),
    Sample(
        "trap_newsletter_rejection",
        "other",
        ("The Career Letter", "hello@careerletter.news"),
        "How to bounce back after a rejection",
        "This week: getting a 'no' hurts. Many recruiters write that they have decided to move "
        "forward with other candidates, and it is easy to read that as a verdict on you. It "
        "isn't. Here are five ways to recover.\n\nRead on our blog. Unsubscribe any time.",
        headers=BULK,
    ),
    Sample(
        "trap_event_cancelled",
        "other",
        ("Berlin Tech Meetup", "events@techmeetup.berlin"),
        "Unfortunately, tonight's event is cancelled",
        "Hi everyone,\n\nWe regret to inform you that tonight's meetup has been cancelled "
        "because our speaker is ill. Unfortunately we could not find a replacement in time. "
        "We will announce a new date soon.\n\nThe organisers",
    ),
    Sample(
        "trap_reply_person",
        "other",
        ("Alice Example", "alice@example.com"),
        "Re: Your application to Northwind Traders",
        "Hi team,\n\nThanks for letting me know, and for your time. I'd be grateful for any "
        "feedback you can share.\n\nBest,\nAlice\n\nOn Tue, 3 Mar 2026, Northwind Traders "
        "wrote:\n> After careful consideration, we have decided to move forward with other "
        "candidates.",
    ),
    Sample(
        "trap_forward_person",
        "other",
        ("Alice Example", "alice@example.com"),
        "Fwd: Your application to Globex",
        "Look at this :(\n\n---------- Forwarded message ---------\nFrom: Globex <no-reply@hire"
        ".lever.co>\nSubject: Your application to Globex\n\nUnfortunately, we won't be moving "
        "forward with your application at this time.",
    ),
    Sample(
        "trap_shop",
        "other",
        ("Parcel Tracker", "updates@parcels.example.com"),
        "Your order has shipped",
        "Good news! Your order #48213 is on its way and should arrive on Thursday. Track your "
        "parcel in the app.",
    ),
    Sample(
        "trap_personal",
        "other",
        ("Tom", "tom.friend@gmail.com"),
        "Dinner Saturday?",
        "Hey Alice, are you free for dinner on Saturday? Unfortunately the Thai place is "
        "closed, so maybe pizza instead.\n\nTom",
    ),
    Sample(
        "trap_de_event",
        "other",
        ("Stadtbibliothek", "info@stadtbibliothek-beispiel.de"),
        "Absage der Lesung am Freitag",
        "Liebe Leserinnen und Leser,\n\nleider müssen wir Ihnen mitteilen, dass die Lesung am "
        "Freitag abgesagt ist. Bereits gekaufte Karten werden erstattet.\n\nIhre "
        "Stadtbibliothek",
    ),
    # --- Held out: written after the rules, never used to adjust them ----------------------
    Sample(
        "ho_rej_bamboo",
        "rejection",
        ("Tyrell Robotics", "notifications@app.bamboohr.com"),
        "Tyrell Robotics - Your Application",
        "Hello Alice,\n\nWe appreciate you taking the time to apply for our Embedded Firmware "
        "Engineer opening. At this time we have decided to move forward with applicants whose "
        "qualifications are a closer match to the position. Thank you again and good luck.\n\n"
        "Tyrell Robotics People Team",
        company="Tyrell Robotics",
        role="Embedded Firmware Engineer",
        heldout=False,
    ),
    Sample(
        "ho_rej_jobvite",
        "rejection",
        ("Cyberdyne Systems", "notifications@jobvite.com"),
        "Regarding your application for QA Lead",
        "Alice,\n\nThank you for your application for QA Lead. Unfortunately, we are unable to "
        "offer you a position at this time. We encourage you to apply again in the future.\n\n"
        "Cyberdyne Systems",
        company="Cyberdyne Systems",
        role="QA Lead",
        heldout=True,
    ),
    Sample(
        "ho_rej_recruitee_html",
        "rejection",
        ("Soylent Kitchens", "soylentkitchens@recruitee.com"),
        "Update on your application at Soylent Kitchens",
        "<html><body><div style='font-family:Arial'><p>Hi Alice,</p><p>Thank you for your "
        "interest in the Line Cook position. We've reviewed all applications and "
        "we&rsquo;re sorry to tell you that you have not been selected for an interview.</p>"
        "<p>Kind regards,<br/>Soylent Kitchens</p></div></body></html>",
        html=True,
        company="Soylent Kitchens",
        role="Line Cook",
        heldout=True,
    ),
    Sample(
        "ho_rej_person_short",
        "rejection",
        ("Greta Holm", "greta.holm@nordlys.se"),
        "UX Researcher",
        "Hi Alice, I wanted to let you know personally that we've decided to offer the role "
        "to another candidate. It was genuinely close. Thanks for all the effort you put into "
        "the case study. Greta",
        company="Nordlys",
        role="UX Researcher",
        heldout=False,
    ),
    Sample(
        "ho_rej_no_longer",
        "rejection",
        ("Acme Labs Talent", "talent@acmelabs.dev"),
        "Your candidacy at Acme Labs",
        "Dear Alice,\n\nThank you for your patience. Your application for the Backend "
        "developer role is no longer under consideration, as the hiring team has chosen to "
        "pursue profiles with more Go experience.\n\nWarm regards,\nAcme Labs",
        company="Acme Labs",
        role="Backend developer",
        heldout=True,
    ),
    Sample(
        "ho_rej_de_du",
        "rejection",
        ("Start-up Kiez", "team@kiez.join.com"),
        "Deine Bewerbung bei Kiez",
        "Hi Alice,\n\ndanke, dass du dich bei uns beworben hast! Wir haben uns die Entscheidung "
        "nicht leicht gemacht, uns aber für eine andere Kandidatin entschieden. Wir wünschen "
        "dir alles Gute für deinen weiteren Weg.\n\nLiebe Grüße\nTeam Kiez",
        encoding="base64",
        company="Kiez",
        role="",
        heldout=True,
    ),
    Sample(
        "ho_rej_de_auswahl",
        "rejection",
        ("Stadtwerke Beispielstadt", "personal@stadtwerke-bsp.de"),
        "Ihre Bewerbung vom 12. Februar",
        "Sehr geehrte Bewerberin,\n\nwir bedanken uns für Ihre Bewerbung. Leider sind Sie "
        "nicht in die engere Auswahl gekommen. Ihre Unterlagen werden gemäß Datenschutz "
        "gelöscht.\n\nMit freundlichen Grüßen\nStadtwerke Beispielstadt",
        company="Stadtwerke Beispielstadt",
        role="",
        heldout=True,
    ),
    Sample(
        "ho_rej_fr_autre",
        "rejection",
        ("Maison Dubois", "recrutement@maisondubois.fr"),
        "Votre candidature - Assistante commerciale",
        "Bonjour Madame,\n\nNous vous remercions pour votre candidature au poste d'Assistante "
        "commerciale. Après étude de votre profil, nous avons retenu une autre candidature qui "
        "correspond davantage à nos besoins.\n\nCordialement,\nMaison Dubois",
        encoding="quoted-printable",
        company="Maison Dubois",
        role="Assistante commerciale",
        heldout=True,
    ),
    Sample(
        "ho_rej_fr_short",
        "rejection",
        ("Équipe RH Opale", "rh@opale-conseil.fr"),
        "Réponse à votre candidature",
        "Bonjour,\n\nMalgré l'intérêt de votre parcours, nous ne donnerons pas suite à votre "
        "candidature pour le poste de Consultante junior.\n\nBien à vous,\nL'équipe RH",
        company="Opale Conseil",
        role="Consultante junior",
        heldout=True,
    ),
    Sample(
        "ho_int_workable",
        "interview",
        ("Pied Piper", "noreply@candidates.workablemail.com"),
        "Interview with Pied Piper",
        "Hi Alice,\n\nWe'd love to invite you to a first interview for the Compression "
        "Researcher role. Please choose a slot that works for you from the options below.\n\n"
        "Pied Piper",
        company="Pied Piper",
        role="Compression Researcher",
        heldout=True,
    ),
    Sample(
        "ho_int_de_du",
        "interview",
        ("Kiez Team", "team@kiez.join.com"),
        "Lass uns sprechen!",
        "Hi Alice,\n\ndeine Bewerbung hat uns gefallen. Hast du Lust auf ein Kennenlerngespräch "
        "per Video? Schick uns gern ein paar Terminvorschläge für nächste Woche.\n\nTeam Kiez",
        company="Kiez",
        role="",
        heldout=True,
    ),
    Sample(
        "ho_int_en_times",
        "interview",
        ("Oscorp Recruiting", "recruiting@oscorp.com"),
        "Next steps: technical interview",
        "Hi Alice,\n\nThe hiring manager enjoyed your phone screen and would like to schedule "
        "a technical interview. Are you available on 17 March at 3 pm or 18 March at 10 am?"
        "\n\nThanks,\nOscorp Recruiting",
        company="Oscorp",
        role="",
        heldout=True,
    ),
    Sample(
        "ho_next_assessment",
        "next_steps",
        ("Cyberdyne Systems", "notifications@jobvite.com"),
        "Complete your assessment",
        "Alice,\n\nThank you for your interest in QA Lead. To continue, please complete the "
        "online assessment through HackerRank within five days.\n\nCyberdyne Systems",
        company="Cyberdyne Systems",
        role="QA Lead",
        heldout=True,
    ),
    Sample(
        "ho_next_shortlisted",
        "next_steps",
        ("Tyrell Robotics", "notifications@app.bamboohr.com"),
        "You've been shortlisted",
        "Hello Alice,\n\nGreat news: you've been shortlisted for the Embedded Firmware "
        "Engineer role. We'll be in touch about the final stage shortly.\n\nTyrell Robotics",
        company="Tyrell Robotics",
        role="Embedded Firmware Engineer",
        heldout=True,
    ),
    Sample(
        "ho_offer_fr",
        "offer",
        ("Maison Dubois", "recrutement@maisondubois.fr"),
        "Proposition d'embauche",
        "Bonjour Alice,\n\nNous avons le plaisir de vous proposer le poste d'Assistante "
        "commerciale. Vous trouverez ci-joint la promesse d'embauche.\n\nCordialement,\n"
        "Maison Dubois",
        company="Maison Dubois",
        role="Assistante commerciale",
        heldout=True,
    ),
    Sample(
        "ho_offer_en_html",
        "offer",
        ("Oscorp People", "people@oscorp.com"),
        "Your offer from Oscorp",
        "<p>Congratulations, Alice!</p><p>We're thrilled to offer you the position of "
        "Platform Engineer. Your offer letter and compensation package are attached.</p>",
        html=True,
        company="Oscorp",
        role="Platform Engineer",
        heldout=True,
    ),
    Sample(
        "ho_ack_lever",
        "acknowledgement",
        ("Acme Labs", "no-reply@hire.lever.co"),
        "Thanks for applying to Acme Labs",
        "Hi Alice,\n\nWe've received your application for Backend developer and will be "
        "reviewing it over the coming days. Thanks for your interest in Acme Labs!",
        company="Acme Labs",
        role="Backend developer",
        heldout=True,
    ),
    Sample(
        "ho_ack_fr",
        "acknowledgement",
        ("Opale Conseil", "rh@opale-conseil.fr"),
        "Merci pour votre candidature",
        "Bonjour,\n\nNous accusons réception de votre candidature au poste de Consultante "
        "junior. Nous reviendrons vers vous dans les meilleurs délais.\n\nL'équipe RH",
        company="Opale Conseil",
        role="Consultante junior",
        heldout=True,
    ),
    Sample(
        "ho_ack_smart",
        "acknowledgement",
        ("Stark Logistics", "careers@smartrecruiters.com"),
        "We got your application!",
        "Hi Alice,\n\nYour application for Forklift Trainer was received. What happens next? "
        "Our recruiters will review your profile and contact you if there is a match.\n\n"
        "Stark Logistics",
        company="Stark Logistics",
        role="Forklift Trainer",
        heldout=False,
    ),
    Sample(
        "ho_out_fr",
        "outreach",
        ("Léa Moreau", "lea.moreau@cabinet-horizon.fr"),
        "Opportunité Data Engineer",
        "Bonjour Alice,\n\nVotre profil a retenu mon attention. Je recrute pour un client un "
        "Data Engineer à Lyon, une opportunité qui pourrait vous intéresser. Seriez-vous "
        "disponible pour en discuter ?\n\nLéa",
        company="Cabinet Horizon",
        role="Data Engineer",
        heldout=True,
    ),
    Sample(
        "ho_out_en",
        "outreach",
        ("Morgan Reyes", "morgan@gem-talent.co"),
        "Exploring a Staff Engineer role?",
        "Hi Alice — I'm reaching out about a Staff Engineer opening at a climate startup. Your "
        "background looks like a great fit. Would you be interested in hearing more?\n\nMorgan",
        company="",
        role="Staff Engineer",
        heldout=True,
    ),
    Sample(
        "ho_trap_digest_de",
        "other",
        ("StepStone", "jobagent@stepstone.de"),
        "Neue Jobs für Sie: Data Analyst",
        "Hallo Alice,\n\nhier sind 8 neue Jobs, die zu Ihrem Jobagenten passen:\n\nData "
        "Analyst (m/w/d) – Initech – Hamburg\nBI Analyst – Globex – Berlin\n\nJobagent "
        "abbestellen",
        headers=BULK,
        heldout=True,
    ),
    Sample(
        "ho_trap_marketing",
        "other",
        ("ResumeBoost", "team@resumeboost.app"),
        "Tired of hearing 'unfortunately'?",
        "Rejected again? 70% of applications are rejected by software before a human reads "
        "them. Upgrade to Premium and get 30% off this week to make your CV stand out.\n\n"
        "Unsubscribe",
        headers=BULK,
        heldout=True,
    ),
    Sample(
        "ho_trap_webinar_cancelled",
        "other",
        ("Women in Data", "events@womenindata.example.org"),
        "Webinar cancelled: Negotiating your salary",
        "Dear members,\n\nWe are sorry to let you know that Thursday's webinar has been "
        "cancelled. Registered participants will receive the recording of a previous session "
        "instead.\n\nWomen in Data",
        heldout=True,
    ),
    Sample(
        "ho_trap_next_round_news",
        "next_steps",
        ("Globex Recruiting", "recruiting@globex.com"),
        "You're through to the next round!",
        "Hi Alice,\n\nCongratulations — you have moved to the next round for the Backend "
        "Engineer role. Unlike many other candidates, you impressed the team. We'll send the "
        "details of the next stage soon.\n\nGlobex Recruiting",
        company="Globex",
        role="Backend Engineer",
        heldout=True,
    ),
    Sample(
        "ho_trap_reply_fr",
        "other",
        ("Alice Example", "alice@example.com"),
        "RE: Votre candidature",
        "Bonjour,\n\nMerci pour votre retour, je comprends tout à fait.\n\nBien cordialement,\n"
        "Alice\n\nLe lun. 2 mars 2026 à 10:00, RH <rh@opale-conseil.fr> a écrit :\n> Nous ne "
        "donnerons pas suite à votre candidature.",
        heldout=True,
    ),
    Sample(
        "ho_trap_invoice",
        "other",
        ("Billing", "billing@cloudhost.example.com"),
        "Your invoice for February",
        "Hello,\n\nYour invoice for February is ready. Unfortunately, your last payment did "
        "not go through; please update your card.\n\nCloudHost",
        heldout=True,
    ),
    # --- Second batch, in new styles, to try the rules on phrasings they were not shaped
    # by. Six were missed at first and widened the phrase families (heldout=False). ---
    Sample(
        "b2_rej_greenhouse",
        "rejection",
        ("Greenhouse", "no-reply@us.greenhouse-mail.io"),
        "Your application to Northwind Traders",
        "Hi Alice,\n\nThanks so much for your interest in the Backend Engineer role at "
        "Northwind Traders and for the time you put into applying.\n\nWe received many "
        "strong applications and, unfortunately, we will not be moving forward with yours at "
        "this time.\n\nWe wish you the best in your search.\n\nNorthwind Recruiting",
        company="Northwind Traders",
        heldout=True,
    ),
    Sample(
        "b2_rej_after_interview",
        "rejection",
        ("Contoso Talent", "talent@contoso.com"),
        "Update regarding your candidacy",
        "Dear Alice,\n\nWe appreciate you taking the time to interview with our team for the "
        "Product Designer position. After careful consideration, the team has decided to "
        "pursue other applicants whose experience more closely matches our current needs.\n\n"
        "Kind regards,\nContoso People Team",
        company="Contoso",
        heldout=True,
    ),
    Sample(
        "b2_rej_workday_filled",
        "rejection",
        ("Fabrikam via Workday", "fabrikam@myworkday.com"),
        "Fabrikam - Data Analyst (R-10231)",
        "Dear Candidate,\n\nThank you for your interest in the Data Analyst position "
        "(R-10231). We wanted to let you know that the position has been filled by another "
        "candidate.\n\nWe encourage you to apply for future openings.\n\nFabrikam Talent "
        "Acquisition",
        company="Fabrikam",
        heldout=True,
    ),
    Sample(
        "b2_rej_person_gone_with",
        "rejection",
        ("Priya Natarajan", "priya@tailspin.io"),
        "Re: Frontend role",
        "Hi Alice,\n\nThanks again for chatting with us last week. I'm sorry to say we've "
        "gone with another candidate for this role. It was a close call and we really "
        "enjoyed meeting you.\n\nBest,\nPriya",
        heldout=False,
    ),
    Sample(
        "b2_rej_de_andere_bewerberin",
        "rejection",
        ("Personalabteilung Wingtip GmbH", "karriere@wingtip.de"),
        "Ihre Bewerbung als Softwareentwickler",
        "Sehr geehrter Frau Example,\n\nvielen Dank für Ihr Interesse an unserem "
        "Unternehmen. Nach sorgfältiger Prüfung müssen wir Ihnen leider mitteilen, dass wir "
        "uns für eine andere Bewerberin entschieden haben.\n\nWir wünschen Ihnen für Ihre "
        "berufliche Zukunft alles Gute.\n\nMit freundlichen Grüßen\nWingtip GmbH",
        company="Wingtip GmbH",
        heldout=True,
    ),
    Sample(
        "b2_rej_fr_regret",
        "rejection",
        ("Recrutement Lucerne", "rh@lucerne.fr"),
        "Votre candidature - Chef de projet",
        "Bonjour,\n\nNous vous remercions de l'intérêt que vous portez à notre société. "
        "Après examen attentif de votre dossier, nous sommes au regret de vous informer que "
        "votre candidature n'a pas été retenue.\n\nNous vous souhaitons pleine réussite dans "
        "vos recherches.\n\nCordialement,\nL'équipe RH",
        heldout=True,
    ),
    Sample(
        "b2_rej_regrettably",
        "rejection",
        ("Adatum Careers", "careers@adatum.com"),
        "Thank you from Adatum",
        "Hello Alice,\n\nThank you for applying for the Site Reliability Engineer opening. "
        "Regrettably, we won't be able to offer you the position. We will keep your resume "
        "on file should a suitable role open up.\n\nAll the best,\nAdatum",
        company="Adatum",
        heldout=False,
    ),
    Sample(
        "b2_rej_ashby_short",
        "rejection",
        ("Ashby", "no-reply@ashbyhq.com"),
        "Litware - Application update",
        "Hi Alice,\n\nThank you for your interest in Litware. After reviewing your "
        "application for Senior Engineer, we've decided not to move forward at this time.\n\n"
        "The Litware team",
        company="Litware",
        heldout=False,
    ),
    Sample(
        "b2_int_calendly",
        "interview",
        ("Jordan at Proseware", "jordan@proseware.com"),
        "Next step: a call with our team",
        "Hi Alice,\n\nThanks for applying to the QA Engineer role. We'd love to schedule a "
        "30-minute phone screen with you. Please pick a time that works for you here: "
        "https://calendly.com/proseware/screen\n\nLooking forward to speaking,\nJordan",
        company="Proseware",
        heldout=True,
    ),
    Sample(
        "b2_int_confirmed",
        "interview",
        ("Blue Yonder Recruiting", "recruiting@blueyonder.example"),
        "Interview confirmation - Tuesday, December 8",
        "Hi Alice,\n\nYour interview for the Platform Engineer position is confirmed for "
        "Tuesday, December 8 at 2:00 PM (CET) on Zoom. You'll meet with two engineers from "
        "the team.\n\nSee you then!",
        company="Blue Yonder",
        heldout=False,
    ),
    Sample(
        "b2_next_takehome",
        "next_steps",
        ("Lever", "no-reply@hire.lever.co"),
        "Graphic Design Institute: next steps",
        "Hi Alice,\n\nCongratulations! You've been selected to move on to the next stage of "
        "our process: a take-home assignment. Please find the brief attached; we ask that "
        "you return it within five days.\n\nBest,\nGraphic Design Institute",
        company="Graphic Design Institute",
        heldout=True,
    ),
    Sample(
        "b2_offer_letter",
        "offer",
        ("Woodgrove Bank HR", "hr@woodgrovebank.com"),
        "Offer of employment",
        "Dear Alice,\n\nWe are delighted to extend you an offer for the position of Business "
        "Analyst at Woodgrove Bank. Please find your offer letter attached, including the "
        "proposed start date and compensation.\n\nWarm regards,\nWoodgrove HR",
        company="Woodgrove Bank",
        heldout=True,
    ),
    Sample(
        "b2_ack_smartrecruiters",
        "acknowledgement",
        ("SmartRecruiters", "noreply@smartrecruiters.com"),
        "Thank you for applying to Trey Research",
        "Hi Alice,\n\nThank you for applying to Trey Research! We've received your "
        "application for Data Scientist and our team will review it shortly. If your profile "
        "matches, we'll be in touch.\n\nTrey Research Talent Team",
        company="Trey Research",
        heldout=True,
    ),
    Sample(
        "b2_outreach_linkedin",
        "outreach",
        ("Alex Rivera", "alex.rivera@talentbridge-recruiting.com"),
        "Opportunity: Senior Python Developer (remote)",
        "Hi Alice,\n\nI came across your profile on LinkedIn and think you could be a great "
        "fit for a Senior Python Developer role with one of my clients, a fintech scale-up. "
        "Would you be open to a quick chat this week?\n\nBest,\nAlex Rivera\nTalentBridge",
        heldout=True,
    ),
    Sample(
        "b2_trap_job_alert",
        "other",
        ("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"),
        "25 new jobs for 'product manager'",
        "Your job alert for product manager in Berlin\n\nProduct Manager - Contoso - Berlin\n"
        "Senior Product Manager - Fabrikam - Remote\nProduct Owner - Litware - Berlin\n\nSee "
        "all jobs. Unsubscribe from this alert.",
        heldout=True,
    ),
    Sample(
        "b2_trap_newsletter_rejection",
        "other",
        ("The Career Weekly", "newsletter@careerweekly.example"),
        "5 ways to bounce back from rejection",
        "This week: how to handle rejection in your job search, why 'we regret to inform "
        "you' isn't the end, and what recruiters wish you knew.\n\nRead more on our blog. "
        "You're receiving this because you subscribed. Unsubscribe.",
        heldout=True,
    ),
    Sample(
        "b2_trap_meetup_cancelled",
        "other",
        ("Meetup", "info@meetup.com"),
        "Event cancelled: Python Berlin December",
        "Unfortunately, the organizer has cancelled this event. We're sorry for any "
        "inconvenience. Find other events near you.",
        heldout=True,
    ),
    Sample(
        "b2_trap_own_reply",
        "other",
        ("Alice Example", "alice@example.com"),
        "Re: Your application to Northwind Traders",
        "Thanks for letting me know, I appreciate the update and hope we can stay in "
        "touch.\n\nAlice\n\nOn Mon, Nov 23, 2026, Northwind Recruiting wrote:\n> "
        "Unfortunately, we will not be moving forward with your application.",
        heldout=True,
    ),
    Sample(
        "b2_trap_own_forward",
        "other",
        ("Alice Example", "alice@example.com"),
        "Fwd: Update on your application",
        "Look at this, so annoying.\n\n---------- Forwarded message ---------\nFrom: Contoso "
        "Talent <talent@contoso.com>\nSubject: Update on your application\n\nWe regret to "
        "inform you that we have decided not to proceed with your application.",
        heldout=True,
    ),
    Sample(
        "b2_ack_de",
        "acknowledgement",
        ("Bewerbermanagement Alpine Ski House", "jobs@alpineskihouse.de"),
        "Eingangsbestätigung Ihrer Bewerbung",
        "Sehr geehrte Frau Example,\n\nvielen Dank für Ihre Bewerbung als Projektmanagerin. "
        "Wir haben Ihre Unterlagen erhalten und melden uns so bald wie möglich bei Ihnen.\n\n"
        "Mit freundlichen Grüßen\nAlpine Ski House",
        company="Alpine Ski House",
        heldout=True,
    ),
    Sample(
        "b2_int_fr_rencontrer",
        "interview",
        ("Équipe recrutement Margie", "recrutement@margies.fr"),
        "Entretien - Développeur Python",
        "Bonjour,\n\nVotre profil a retenu notre attention et nous souhaiterions vous "
        "rencontrer pour un entretien. Seriez-vous disponible le jeudi 10 décembre à 14h "
        "?\n\nCordialement",
        heldout=False,
    ),
    Sample(
        "b2_trap_shipping",
        "other",
        ("Amazon.com", "shipment-tracking@amazon.com"),
        "Your package has shipped",
        "Your order of 'Cracking the Coding Interview' has shipped and will arrive Thursday.",
        heldout=True,
    ),
    Sample(
        "b2_rej_icims",
        "rejection",
        ("iCIMS", "noreply@icims.com"),
        "Coho Winery - Your Application Status",
        "Dear Alice,\n\nThank you for your interest in the Marketing Coordinator position at "
        "Coho Winery. While your qualifications are impressive, we have decided to move "
        "forward with candidates whose background more closely fits the role.\n\nSincerely,\n"
        "Coho Winery Human Resources",
        company="Coho Winery",
        heldout=True,
    ),
    Sample(
        "b2_rej_bamboo",
        "rejection",
        ("BambooHR", "notifications@app.bamboohr.com"),
        "Regarding your application for Office Manager",
        "Hi Alice,\n\nThank you for your interest in the Office Manager opening at "
        "Relecloud. We have reviewed your application and unfortunately you have not been "
        "selected for further consideration.\n\nBest of luck,\nRelecloud",
        company="Relecloud",
        heldout=True,
    ),
    Sample(
        "b2_trap_glassdoor",
        "other",
        ("Glassdoor", "noreply@glassdoor.com"),
        "Companies are hiring: Data Analyst jobs near you",
        "Top picks for you this week. Recommended jobs: Data Analyst at Contoso, Junior "
        "Analyst at Fabrikam. Don't miss out - apply now.",
        heldout=True,
    ),
    Sample(
        "b2_int_workable",
        "interview",
        ("Workable", "noreply@candidates.workablemail.com"),
        "Invitation to interview with Bellows College",
        "Dear Alice,\n\nThank you for applying for the Lecturer position. We would like to "
        "invite you to an interview on Friday, December 11, 10:00. Please confirm your "
        "availability by replying to this email.",
        company="Bellows College",
        heldout=True,
    ),
    Sample(
        "b2_rej_jobvite_chosen_not",
        "rejection",
        ("Jobvite", "notification@jobvite.com"),
        "Tailwind Traders Application",
        "Hello Alice,\n\nThank you for taking the time to apply. Although your background is "
        "impressive, we have chosen not to move forward with your candidacy for the Support "
        "Engineer role.\n\nTailwind Traders Recruiting",
        company="Tailwind Traders",
        heldout=False,
    ),
]
