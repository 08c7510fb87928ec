/* Lint: a policy against the rules of its genre and of its jurisdiction,
 * and against strategy content.  Each rule names its legal reference; the
 * patterns are ICU regular expressions, matched without case on every
 * language's text of the clause.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <pthread.h>

#include <unicode/ucasemap.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

typedef struct {
	const char *id;
	const char *jurisdictions; /* the policy's jurisdiction must be one of these; NULL: any */
	clausier_severity severity;
	const char *skip_topics;   /* clauses on these topics are not looked at */
	const char *prefilter;     /* words one of which a text must hold for match to be tried
	                              (compared case-folded, as ICU folds them: any case of any
	                              letter; _ stands for a space) */
	const char *match;         /* a clause whose text matches is a finding... */
	const char *unless;        /* ...unless it also matches this */
	const char *reference;
	const char *message;       /* N_() */
} S_rule;

/* Pieces of the US rules' patterns.  A sentence is what lies between
 * ., !, ? and ; (S_SENT starts one, S_IN is a lookahead's way through it). */
#define S_SENT "(?:^|[.!?;][”\"’')]?\\s+)"
#define S_IN "[^.!?;]*?"
#define S_NOT "(\\bdo not|\\bdon[’']t|\\bmust not|\\bmay not|\\bshall not|\\bshould not|\\bcannot|\\bcan[’']t|\\bnever|\\bnot (be )?(permitted|allowed|authori[sz]ed)|\\bprohibit\\w*|\\bforbid\\w*|\\bbanned|\\brefrain\\w*|\\bavoid\\w*|\\bno (one|employee|staff member|worker)s? (may|is allowed|shall|should))"
#define S_POSTING "post(s|ed|ing|ings)?\\b|publish\\w*|shar(e|es|ed|ing)\\b|tweet\\w*|re-?post\\w*|blog\\w*|comment\\w*|upload\\w*|social (media|networks?|networking|platforms?|sites?)|online|internet|content\\b|vlog\\w*|stream\\w*|discuss\\w* [^.!?;]{0,60}\\b(on|in) (any |your |the |a )?(platforms?|networks?|forums?|apps?|web ?sites?)"
#define S_EMPLOYER_BASE "\\b(compan(y|ies)|employer|organi[sz]ation|firm|business|agency|corporation|institution|hospital|school|district|store|management|managers?|supervisors?|leadership|executives?|bosse?s?)\\b|\\{org"
#define S_EMPLOYER S_EMPLOYER_BASE "|\\b(work|workplace|job|employment|colleagues?|co-?workers?|anything|any (content|posts?|information|material|comments?|statements?|photos?|pictures?))\\b|\\bus\\b|\\bour (brand|products?|services?|work|employees|staff|team|clients|customers)\\b"
#define S_EMPLOYER_OR_US S_EMPLOYER_BASE "|\\bus\\b|\\bour\\b|working conditions|\\b(the|your) job\\b|workplace"
/* "about Acme": a name after a word of reference (the case of the name's
 * first letter is the only sign of it) */
#define S_ABOUT_NAME "\\b(about|regarding|concerning|referencing|related to|relating to|mentions?|mentioning|naming|involving)\\s+(?-i:[A-Z])"
#define S_APPROVAL "\\b(without|with(out)? (the |your |a |an )?(prior|advance|express|written|explicit)|obtain\\w*|get(ting)?|receiv\\w*|seek\\w*|secur\\w*|request\\w*|ask\\w* for|need\\w*|require[sd]?|requiring|subject to|only with|only after|after|once|until|unless [^.!?;]{0,30}|prior|advance|written|explicit|express|first)\\W+([\\w’'-]+\\W+){0,5}?(approv\\w*|permission|authori[sz]ation|consent|clearance|sign-?off|sign(s|ed|ing)? off|go-ahead|green light|blessing|OK\\b|okay)" \
	"|\\b(must|shall|should|need to|has to|have to|will|are to|is to) (first |all |always )?be (pre-?)?(approv|authori[sz]|clear|review|vett|screen|signed off|check)\\w*" \
	"|\\b(approved|authori[sz]ed|cleared|vetted|signed off|reviewed) (by|in advance|beforehand|first)\\b|\\bpre-?(approv|clear|screen|authori[sz])\\w*" \
	"|\\bsubmit\\w* [^.!?;]{0,80}\\b(for|to) ([\\w’'-]+ ){0,4}?(review|approval|clearance|vetting|sign-?off)" \
	"|\\brun (it|them|posts?|content|\\w+) by\\b|\\bcheck with [^.!?;]{0,40}\\bbefore\\b|\\b(ask|consult|contact) [^.!?;]{0,40}\\bbefore (you )?(post|publish|shar|tweet|comment|blog)" \
	"|\\b(approval|permission|authori[sz]ation|consent|clearance|sign-?off) (is |are |will be )?(required|needed|necessary|mandatory)"
#define S_ON_BEHALF "\\bon (its|our|their|the (company|employer|organi[sz]ation)[’']s|\\{org\\w*\\}[’']s|[\\w-]+[’']s) behalf|on behalf of"
#define S_DISCLAIMER "disclaim\\w*|\\b(views?|opinions?|thoughts|posts?|comments?|words) (expressed |stated |shared )?(here |in (this|these|the|my|your) \\w+ )?(are|is) (solely |entirely |only )?(my|your|their|his|her) own|\\b(my|your|their) (own )?(views|opinions) (alone|only)|\\b(my|your|their) (own |personal )(views|opinions)|\\bpersonal (views|opinions)|\\b(do|does|don[’']t|doesn[’']t|not) (not )?(necessarily )?(represent|reflect)\\w*|\\bspeak(ing)? (only )?for (yourself|myself|themselves)|\\bnot (speak|speaking) (for|on behalf of) (the|our|\\{org)"
#define S_ENGAGE "(likes?|liking|react\\w*|shar(e|es|ing)|re-?post\\w*|re-?tweet\\w*|comment\\w*|respond\\w*|repl(y|ies|ying)|engag\\w*|interact\\w*|endors\\w*|amplif\\w*|forward\\w*|upvot\\w*|favou?rit\\w*|thumbs|heart\\w*|boost\\w*)\\b"
#define S_NOT_ENGAGE S_NOT "\\W+(?:[\\w’'“”\"‘-]+\\W+){0,8}?" S_ENGAGE
#define S_CRITICISM "\\b(critic\\w*|negativ\\w*|disparag\\w*|derogator\\w*|complain\\w*|unflattering|unfavou?rabl\\w*|bad (reviews?|press)|attack\\w*|hostile|insult\\w*|embarrass\\w*|offensive|damag\\w*|harm\\w*|against (the|our|\\{org)|badmouth\\w*|bash\\w*|protest\\w*|grievances?|dissatisf\\w*|gripe\\w*|rant\\w*)"
#define S_REC_ACT "((?<!\\bthe |\\ba )record(?! straight)\\w*|film(s|ed|ing)?\\b|photograph\\w*|videotap\\w*|video-?record\\w*|live-?stream\\w*|(take|taking|make|making|capture|capturing|shoot|shooting) ([\\w’'-]+ ){0,3}?(photos?|photographs?|pictures?|videos?|recordings?|footage|images?|audio|selfies?|screenshots?)\\b|(use|using|bring|bringing|carry|carrying) ([\\w’'-]+ ){0,3}?(cameras?|recording devices?|recorders?))"
#define S_REC_NOUN "\\b(photograph(y|s)?|photos|pictures|videos|video recordings?|recordings?|filming|recording( devices?| equipment)?|recorders?|cameras?|audio|footage|camera phones?)\\b"
#define S_WORKPLACE "at work|workplace|work ?sites?|premises|on[- ]site|propert(y|ies)|facilit(y|ies)|offices?|stores?|buildings?|plants?|warehouses?|hospitals?|shop floor|meetings?|conversations?|calls?|co-?workers?|colleagues?|supervisors?|managers?|management|employees|staff|work areas?|during (work|working|your shift|shifts|business)|working (time|hours)|on (the )?(job|clock)|anywhere|any (time|one|area|part)|compan(y|ies)|organi[sz]ation|devices?|phones?|\\{org"
/* after a limit in time, what would undo it */
#define S_NOT_AFTER "(?![^.!?;]*\\b(after|afterwards?|beyond|indefinitely|permanently|at all times|forever|thereafter))"

static const S_rule S_rules[] = {
	{ "us-nlrb-non-disparagement", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "disparag dénigr critic negative derogatory",
	  "disparag|dénigr|(negative|derogatory|critical) (comments?|statements?|remarks?|posts?) about (the company|the organization|\\{org|our |management|your employer)|critici[sz]e (the company|the organization|\\{org|management|your employer)",
	  "know(ingly| to be)?\\W.{0,20}false|maliciously false|savez (faux|fausses)|sciemment (faux|mensonger)", "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA § 7, 29 U.S.C. § 157",
	  N_("a blanket ban on disparaging or criticizing the employer, which the NLRB treats as overbroad: employees may criticize their working conditions") },
	{ "us-nlrb-pay-confidentiality", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "wage salar salair pay compensation conditions rémunération",
	  "(confidential|do not (disclose|discuss|share)|must not (disclose|discuss|share)|may not (disclose|discuss|share)).{0,200}(wages|salar(y|ies)|\\bpay\\b|compensation|working conditions|terms and conditions of employment)|(wages|salar(y|ies)|compensation|working conditions).{0,80}(are|is) confidential|(rémunérations?|salaires?|conditions de travail).{0,80}confidentiel",
	  "does not (cover|apply|restrict|prevent|limit)|nothing in this|free to discuss|ne vise pas|ne s’applique pas|n’interdit pas|librement",
	  "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA § 7, 29 U.S.C. § 157",
	  N_("a confidentiality rule that covers pay or working conditions, which employees have the right to discuss") },
	{ "us-nlrb-media-ban", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "media press journalist reporter",
	  "(must not|may not|never|do not|are not (permitted|allowed)|prohibited from|forbidden to)\\b.{0,60}\\b(talk|speak|communicate|respond|reply|contact)\\w*\\b.{0,40}\\b((?<!social )media|press|journalists?|reporters?)\\b",
	  "on behalf of|for the organization|officially|official (position|statement)|au nom de",
	  "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA § 7, 29 U.S.C. § 157",
	  N_("a ban on talking to the media that is not limited to speaking on the employer’s behalf, which the NLRB treats as overbroad") },
	{ "us-nlrb-agency-ban", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "agenc regulator authorit nlrb board osha eeoc",
	  "(must not|may not|never|do not|are not (permitted|allowed)|prohibited from|forbidden to)\\b.{0,80}\\b(government agenc|regulators?\\b|public authorit|NLRB|labor board|OSHA|EEOC)",
	  NULL, "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA §§ 7 and 8(a)(4)",
	  N_("a ban on contacting government agencies, which employees are entitled to do") },
	{ "us-nlrb-prior-approval", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "post publish shar tweet blog comment upload social online content vlog stream",
	  S_SENT "(?=" S_IN "(" S_APPROVAL "))(?=" S_IN "\\b(" S_POSTING "))(?=" S_IN "(" S_EMPLOYER "|" S_ABOUT_NAME "))",
	  S_ON_BEHALF "|official (accounts?|channels?|pages?|handles?|profiles?|capacity|statements?|spokes\\w*|communications?)|officially (represent|speak)"
	  "|(do not|don[’']t|does not|doesn[’']t|never|no|not) (need|require)\\w* (any |prior |advance |written )?(approv|permission|authori|consent|clearance|sign-?off)"
	  "|not required to (get|obtain|seek|ask|request)|without (needing|asking for|seeking|getting) (any )?(approval|permission)"
	  "|no (prior |advance )?(approv\\w*|permission|authori[sz]ation|clearance) is (needed|required|necessary)"
	  "|personal information|confidential|trade secrets?|patients?|their (consent|permission)|consent of (the |all |any )?(people|persons?|individuals?|those|everyone|anyone|colleagues?|co-?workers?|others)|copyright"
	  "|accept\\w* (payment|gifts?|money|benefits|compensation)",
	  "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA § 7, 29 U.S.C. § 157",
	  N_("a rule requiring approval before posting about the employer or one’s work, which the NLRB treats as overbroad: approval may be required only for posts made on the employer’s behalf or on its official accounts") },
	{ "us-nlrb-disclaimer", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "disclaim own represent reflect speak",
	  S_SENT "(?=" S_IN "(" S_DISCLAIMER "))(?=" S_IN "\\b(" S_POSTING "|" S_EMPLOYER "))(?=" S_IN "\\b(must|shall|should|need to|have to|has to|(are|is) (required|expected|obliged|obligated|asked) to|required|mandatory|always|every|each|all|any time|anytime|whenever|include|add|state|make (it )?clear|identify|indicate|say|label|mark|put)\\b)",
	  "(appear|seem)\\w* to (speak|be speaking|represent|act)|(seen|taken|perceived|read|understood|mistaken|regarded|viewed) (as|for) (speaking|an? (official|spokes)|representing|the (company|organi[sz]ation|employer)|its)|mistak\\w*|confus\\w*"
	  "|endors\\w*|(recommend|review|promot|advertis|rat)\\w* [^.!?;]{0,60}(products?|services?)|material connection|\\bFTC\\b|Federal Trade Commission|16 C\\.?F\\.?R"
	  "|(may|can|could) (wish to |want to |choose to )?(add|include|use|put)|optional|encouraged|if you (wish|like|want|choose)|consider (adding|including|using)|need not|(do not|don[’']t) (need|have) to|not required|no need",
	  "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA § 7, 29 U.S.C. § 157",
	  N_("a disclaimer required on every work-related post, which the NLRB treats as overbroad: it may be required only when employees appear to speak for the employer, or endorse its products or services") },
	{ "us-nlrb-liking-sharing", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "critic negativ disparag derogator complain unflatter unfavo bad attack hostil insult embarrass offensiv damag harm against badmouth bash protest grievanc dissatisf gripe rant reputation",
	  "(?s)^(?=.*?(" S_EMPLOYER_OR_US "))(?:.*?)(?:" S_NOT_ENGAGE "[^.!?;]{0,160}?" S_CRITICISM "|" S_CRITICISM "[^.!?;]{0,200}?(?:[.!?;]\\s+[^.!?;]{0,80}?)?" S_NOT_ENGAGE ")",
	  S_ON_BEHALF "|in the name of|spokespe\\w*|designated|official(ly)?|leave (the )?(responses?|replies|replying|responding|it|them|that) to|refer\\w* (it|them|such [\\w ]+?|the [\\w ]+?|questions|inquiries|comments)? ?to"
	  "|(communications|PR|public relations|media relations|social media) (team|department|office|staff) (will )?(respond|repl|answer|handle)\\w*"
	  "|harass\\w*|threat\\w*|violen\\w*|unlawful|illegal|discriminat\\w*|defamat\\w*|maliciously|know(ingly| to be)?\\W.{0,20}false|hate speech|obscen\\w*",
	  "Stericycle, Inc., 372 NLRB No. 113 (2023); Three D, LLC d/b/a Triple Play Sports Bar, 361 NLRB No. 31 (2014)",
	  N_("a ban on liking, sharing or commenting on criticism of the employer, which the NLRB treats as overbroad: taking part in such a discussion, even by a “like”, is protected concerted activity") },
	{ "us-nlrb-recording-ban", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "record audio video film photo picture camera selfie snapshot screenshot footage stream",
	  S_SENT "(?=" S_IN "(" S_NOT "\\W+([\\w’'-]+\\W+){0,6}?" S_REC_ACT "|" S_REC_NOUN "[^.!?;]{0,80}?\\b(not (be )?(permitted|allowed|authori[sz]ed)|prohibited|forbidden|banned|not to be)"
	  "|\\bno ([\\w’'-]+ ){0,3}?" S_REC_NOUN "|" S_REC_ACT "[^.!?;]{0,80}?\\b(without|only with|only after|requires?|subject to) (the |your |a |an )?(prior |advance |express |written )?([\\w’'-]+ ){0,3}?(approval|permission|authori[sz]ation)))"
	  "(?=" S_IN "\\b(" S_WORKPLACE "))",
	  "patients?|residents?\\b|clients?[’'] |customers?[’'] |confiden\\w*|trade secrets?|proprietary|personal (information|data)|privacy|private (areas?|spaces?|rooms?|information)|restrooms?|locker ?rooms?|changing (rooms?|areas?)|bathrooms?|washrooms?|toilets?"
	  "|protected (concerted )?activit\\w*|concerted|Section 7|\\bNLRA\\b|National Labor Relations|(does not|doesn[’']t|shall not|will not|won[’']t|do not) (apply|cover|prohibit|restrict|limit|prevent|stop|affect)|nothing in this"
	  "|working conditions|unsafe|safety (hazards?|concerns?|violations?|issues?)|students?|children|minors|pupils|secure areas?|classified|their (consent|permission)|consent of (the |all |any )?(people|persons?|individuals?|those|everyone|anyone|colleagues?|co-?workers?|others)|HIPAA|\\bPHI\\b|health information|medical",
	  "Stericycle, Inc., 372 NLRB No. 113 (2023); Whole Foods Market, 363 NLRB No. 87 (2015)",
	  N_("a blanket ban on taking photographs or recordings at work, which the NLRB treats as overbroad: limit it to patients, confidential information or places where people expect privacy, and exempt protected concerted activity") },
	{ "us-nlrb-report-colleagues", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "report notif inform tell alert flag escalat let attention",
	  S_SENT "(?=" S_IN "\\b(report\\w*|notif\\w*|inform\\w*|tell|alert\\w*|flag\\w*|escalat\\w*|let (your|the|us|a|an) [\\w ]{1,30}know|bring [^.!?;]{0,40} to (the )?attention))"
	  "(?=" S_IN "\\b(colleague\\w*|co-?workers?[’']?s?|fellow (employees?|workers?|staff|team members?)|other (employees|staff|workers|team members|members of staff)|another (employee|staff member|worker|team member)|team ?mates?|peers?|staff members?[’']?s?|each other|one another|(by|from|of) (an?|any|other|another|your|fellow)? ?(employees?|staff|workers?)\\b|employees?[’']s?\\s+(posts?|content|activity|accounts?|comments?|social)))"
	  "(?=" S_IN "\\b(" S_POSTING "|activit(y|ies)|accounts?|profiles?|messages?|videos?|posts?))"
	  "(?=" S_IN "(\\b(must|shall|should|required|expected|obliged|obligated|duty|obligation|have to|has to|need to|are to)\\b|(^|[.!?;:,]\\s*|\\b(then|and) )(immediately |promptly )?(report|notify|tell|alert|inform|flag|let)\\b))",
	  "threat\\w*|harass\\w*|bully\\w*|intimidat\\w*|violen\\w*|stalk\\w*|\\bdox\\w*|discriminat\\w*|confidential|trade secrets?|leak\\w*|breach\\w*|personal (information|data)|patient (information|data|privacy)|\\bPHI\\b|HIPAA|unlawful|illegal|criminal|self-harm|suicid\\w*|safety"
	  "|(may|can|are (welcome|free|invited|encouraged) to|are not required to|need not|do not have to|don[’']t have to) (also )?(choose to )?(report|tell|notify|flag|let)",
	  "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA § 7, 29 U.S.C. § 157",
	  N_("a duty to report colleagues’ posts, which the NLRB treats as overbroad: it may cover only threats, harassment or leaks of confidential information") },
	{ "us-nlrb-investigation-confidentiality", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "investigat inquir enquir matter case complaint review proceeding process hearing interview fact-finding",
	  S_SENT "(?=" S_IN "\\b(investigat\\w*|inquir(y|ies)|enquir(y|ies)|(HR|human resources|disciplinary|internal|workplace|harassment|misconduct|personnel) (matters?|cases?|complaints?|reviews?|proceedings?|process(es)?|hearings?|interviews?)|fact-finding|complaints? (process|procedure)))"
	  "(?=" S_IN "(\\bconfidential\\b|strict(est)? confidence|\\bin confidence|\\bsecret\\b|" S_NOT "\\W+([\\w’'-]+\\W+){0,4}?(discuss\\w*|disclos\\w*|shar(e|ing)|talk\\w*|speak\\w*|reveal\\w*|communicat\\w*|comment\\w*|mention\\w*|divulg\\w*|repeat\\w*|post\\w*|tell)|\\bnot to (discuss|disclose|share|talk|speak|reveal|mention|divulge)|gag\\w*|non-?disclosure))",
	  "while [^.!?;]{0,40}(investigat|ongoing|open|pending|under way|underway|in progress)" S_NOT_AFTER
	  "|during (the|an|any|its|a) [^.!?;]{0,30}investigat\\w*" S_NOT_AFTER
	  "|(is|are|remains?) (still )?(ongoing|open|pending|under way|underway|in progress)" S_NOT_AFTER
	  "|until [^.!?;]{0,60}(closed|conclu\\w*|complet\\w*|ends?|ended|over|finish\\w*|resolved)|for the duration|duration of"
	  "|(information|data|details|identit\\w*|privacy|names?|statements?) (of|about|concerning) (others|other (people|persons|employees|individuals|parties)|third parties)|(other (people|persons|employees|individuals|parties)|others|third parties)[’']s?( personal)? (information|data|details|identit\\w*|privacy|names?|statements?)|(witnesses|complainants?|victims?|those involved|the people involved|individuals involved)[’']?s? (identit|personal|private|medical|statements?|names?|information)|identit(y|ies) of|personal (information|data)|medical|health information"
	  "|(does not|doesn[’']t|will not|shall not|do not) (apply|prevent|restrict|limit|stop|prohibit|affect|cover)|nothing in this|free to discuss|your own (terms|wages|pay|working conditions|conditions|complaint|experience|discipline)"
	  "|(we|HR|human resources|the (company|organi[sz]ation|employer)|\\{org\\w*\\}|investigators?) (will|shall|must|tries to|try to|strives? to|aims? to) (keep|treat|handle|maintain|protect|respect)"
	  "|(handled|conducted|managed|treated|kept|carried out) (as )?(confidentially|discreetly|with (discretion|confidentiality|care))|(as confidential|as confidentially|as discreetly) as (possible|practicable)|to the extent (possible|practicable|permitted)",
	  "Stericycle, Inc., 372 NLRB No. 113 (2023), which overruled in part Apogee Retail LLC d/b/a Unique Thrift Store, 368 NLRB No. 144 (2019)",
	  N_("a blanket confidentiality of workplace investigations, which the NLRB treats as overbroad: limit it to the time of the investigation or to other people’s information, and leave employees free to discuss their own terms and conditions of employment") },
	{ "fr-proportionality", "FR", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "interdit prohibited forbidden",
	  "interdit\\w* (en toutes circonstances|totalement|de manière absolue|sans exception|en tout temps)|(strictement|formellement|absolument) interdit|(strictly|absolutely) (prohibited|forbidden)|(prohibited|forbidden) (at all times|under any circumstances|without exception)|any personal use .{0,40}(is )?prohibited|tout usage personnel .{0,40}(est )?interdit",
	  "sauf |hormis|à l’exception|except|unless|raisonnable|reasonable",
	  "Code du travail, art. L1121-1",
	  N_("a restriction that is not justified by the nature of the task or proportionate to its aim: a blanket ban on personal use is disproportionate in French law") },
	{ "fr-monitoring-notice", "FR", CLAUSIER_CHECK_ERROR, NULL,
	  "without sans",
	  "(monitor|review|inspect|access|surveill|contrôl|consult)\\w*.{0,120}(without (prior )?(notice|warning|informing)|at any time and without|sans (information|avertissement|préavis|en informer|que vous en soyez inform)|à tout moment et sans)",
	  NULL, "Code du travail, art. L1222-4",
	  N_("monitoring without prior notice: no information concerning an employee personally may be collected by a device that was not brought to the employee’s attention beforehand") },
	{ "ca-official-languages", "CA", CLAUSIER_CHECK_WARNING, NULL, NULL, NULL, NULL,
	  "Official Languages Act, Part IV; Policy on Communications and Federal Identity",
	  N_("official accounts of a federal institution must be published in both official languages, and the policy does not say so") },
	{ "fr-monitoring-information", "FR", CLAUSIER_CHECK_ERROR, NULL, NULL, NULL, NULL,
	  "Code du travail, art. L1222-4",
	  N_("the policy mentions monitoring but has no clause telling employees beforehand what is monitored, how and why") },
	{ "fr-cse-consultation", "FR", CLAUSIER_CHECK_WARNING, NULL, NULL, NULL, NULL,
	  "Code du travail, art. L2312-38",
	  N_("the policy describes monitoring devices and does not say that the CSE was consulted on them") },
	{ "fr-reglement-interieur", "FR", CLAUSIER_CHECK_ERROR, NULL, NULL, NULL, NULL,
	  "Code du travail, art. L1321-4 and L1321-5",
	  N_("the policy carries sanctions and does not follow the règlement intérieur procedure (CSE opinion, labour inspectorate, filing with the conseil de prud’hommes)") },
	{ "jurisdiction-clause", NULL, CLAUSIER_CHECK_ERROR, NULL, NULL, NULL, NULL, NULL,
	  N_("the clause is limited to jurisdictions %s, and the policy’s jurisdiction is %s") },
	{ "jurisdiction-body", NULL, CLAUSIER_CHECK_ERROR, NULL, NULL, NULL, NULL, NULL,
	  N_("the clause uses its text for jurisdictions %s, and the policy’s jurisdiction is %s") },
	{ "jurisdiction-mismatch", NULL, CLAUSIER_CHECK_ERROR, NULL, NULL, NULL, NULL, NULL,
	  N_("the clause cites “%s”, law or a body of another jurisdiction (%s) than the policy’s (%s)") },
	{ "policy-not-strategy", NULL, CLAUSIER_CHECK_WARNING, NULL,
	  /* each word a piece that one of the alternatives cannot match without */
	  "target_audience cible kpi key_performance_indicator indicateur engagement_rate taux_d’engagement editorial_calendar "
	  "calendrier_éditorial posting_frequency posting_schedule fréquence_de_publication increase grow boost double "
	  "augmenter accroître doubler share_of_voice brand_awareness notoriété_de_ objectif_de_ objectifs_de_ "
	  "communication_goal communications_goal communication_objective communications_objective "
	  "posts_a_day posts_a_week posts_a_jour posts_a_semaine posts_per_day posts_per_week posts_per_jour "
	  "posts_per_semaine posts_par_day posts_par_week posts_par_jour posts_par_semaine "
	  "publications_a_day publications_a_week publications_a_jour publications_a_semaine publications_per_day "
	  "publications_per_week publications_per_jour publications_per_semaine publications_par_day "
	  "publications_par_week publications_par_jour publications_par_semaine",
	  "target audiences?|publics? cibles?|\\bKPIs?\\b|key performance indicators?|indicateurs? (clés )?de performance|engagement rate|taux d’engagement|editorial calendar|calendrier éditorial|posting (frequency|schedule)|fréquence de publication|(increase|grow|boost|double)\\w* .{0,30}(followers|reach|engagement|impressions)|(augmenter|accroître|doubler) .{0,30}(abonnés|audience|portée|engagement)|share of voice|brand awareness|notoriété de (la|notre) marque|objectifs? de communication|communications? (goals|objectives)|\\b\\d+ (posts|publications) (a|per|par) (day|week|jour|semaine)",
	  NULL, NULL,
	  N_("strategy content (goals, audiences, channels or metrics) in a policy: a policy says how people must behave; the communication strategy belongs in another document") },
};
#define S_NRULES (sizeof S_rules / sizeof S_rules[0])

static URegularExpression *S_compile_new(const char *pattern)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar buf[8192];
	int32_t len;
	u_strFromUTF8(buf, (int32_t)(sizeof buf / sizeof buf[0]), &len, pattern, -1, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		return NULL;
	URegularExpression *re = uregex_open(buf, len, UREGEX_CASE_INSENSITIVE, NULL, &st);
	if (U_FAILURE(st)) {
		uregex_close(re);
		return NULL;
	}
	return re;
}

/* The rules' patterns compiled once for the process, each lint using its
 * own clone (what ICU shares between threads: the compiled pattern, not a
 * matcher).  Keyed by the pattern's address: they are this file's
 * constants, a bounded set. */
static struct {
	const char *pattern;
	URegularExpression *re;
} S_compiled[96];
static size_t S_ncompiled;
static pthread_mutex_t S_compiled_lock = PTHREAD_MUTEX_INITIALIZER;

static URegularExpression *S_compile(const char *pattern)
{
	URegularExpression *re = NULL;
	UErrorCode st = U_ZERO_ERROR;
	pthread_mutex_lock(&S_compiled_lock);
	size_t i = 0;
	while (i < S_ncompiled && S_compiled[i].pattern != pattern)
		i++;
	if (i == S_ncompiled && i < sizeof S_compiled / sizeof *S_compiled) {
		URegularExpression *orig = S_compile_new(pattern);
		if (orig) {
			S_compiled[i].pattern = pattern;
			S_compiled[i].re = orig;
			S_ncompiled++;
		}
	}
	if (i < S_ncompiled) {
		re = uregex_clone(S_compiled[i].re, &st);
		if (U_FAILURE(st)) {
			uregex_close(re);
			re = NULL;
		}
	}
	pthread_mutex_unlock(&S_compiled_lock);
	/* the table full (it is not, for this file's rules): compiled for this use only */
	return re || i < sizeof S_compiled / sizeof *S_compiled ? re : S_compile_new(pattern);
}

/* A text of the policy as lint reads it: its UTF-8, then made once for
 * every rule that looks at it, its case folding (ICU's default folding,
 * as UREGEX_CASE_INSENSITIVE compares; UTF-8, for the prefilters) and its
 * UTF-16 (what ICU's regular expressions read fastest). */
typedef struct {
	const char *utf8;
	char *folded; /* NULL until needed */
	uint64_t pairs[64]; /* the pairs of bytes the folded text holds, hashed (S_PAIR) */
	UChar *u16;   /* NULL until needed */
	int32_t n16;  /* -1: not UTF-16 (invalid UTF-8), read through UText */
} S_text;

/* The texts of the policy's clauses, heading then body, made on demand
 * and shared by every rule of one lint. */
typedef struct {
	const clausier_policy *pol;
	S_text **texts; /* [clause * 2 + heading/body][text], NULL until needed */
	UCaseMap *fold;
	int failed;     /* memory ran out */
} S_texts;

static S_text *S_texts_of(S_texts *tx, size_t k, int which, const clausier__msg *m)
{
	S_text **slot = &tx->texts[k * 2 + (size_t)which];
	if (!*slot && m->ntexts) {
		*slot = calloc(m->ntexts, sizeof **slot);
		if (!*slot) {
			tx->failed = 1;
			return NULL;
		}
		for (size_t i = 0; i < m->ntexts; i++)
			(*slot)[i].utf8 = m->texts[i].pattern;
	}
	return *slot;
}

static void S_texts_free(S_texts *tx)
{
	const clausier_policy *pol = tx->pol;
	for (size_t k = 0; tx->texts && k < pol->nclauses; k++) {
		const clausier__clause *cl = &pol->catalog->clauses[pol->clauses[k].clause];
		const clausier__msg *m[2] = { &cl->heading, clausier__pclause_body(pol->catalog, &pol->clauses[k]) };
		for (int w = 0; w < 2; w++) {
			S_text *t = tx->texts[k * 2 + (size_t)w];
			for (size_t i = 0; t && i < m[w]->ntexts; i++) {
				free(t[i].folded);
				free(t[i].u16);
			}
			free(t);
		}
	}
	free(tx->texts);
	ucasemap_close(tx->fold);
}

/* s case-folded as ICU folds it (full folding, not Turkic), in a string
 * to free; NULL when memory ran out or ICU could not. */
static char *S_fold(UCaseMap *cm, const char *s, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = ucasemap_utf8FoldCase(cm, NULL, 0, s, (int32_t)len, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	char *out = malloc((size_t)need + 1);
	if (!out)
		return NULL;
	st = U_ZERO_ERROR;
	ucasemap_utf8FoldCase(cm, out, need + 1, s, (int32_t)len, &st);
	if (U_FAILURE(st)) {
		free(out);
		return NULL;
	}
	out[need] = '\0';
	return out;
}

/* Two bytes as one of 4096 bits. */
#define S_PAIR(a, b) ((((unsigned)(unsigned char)(a) << 4) ^ (unsigned char)(b)) & 4095u)

/* s case-folded: ICU's folding, or for ASCII (which ICU folds to its
 * lower case, A-Z alone changing) the same bytes without calling it. */
static char *S_fold_text(UCaseMap *cm, const char *s)
{
	size_t len = 0;
	while (s[len] && (unsigned char)s[len] < 0x80)
		len++;
	if (s[len])
		return S_fold(cm, s, len + strlen(s + len));
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	for (size_t i = 0; i <= len; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	return out;
}

static const char *S_folded(S_texts *tx, S_text *t)
{
	if (!t->folded) {
		t->folded = S_fold_text(tx->fold, t->utf8);
		if (!t->folded) {
			/* not foldable: no word is ruled out, the pattern decides */
			return NULL;
		}
		for (const char *f = t->folded; f[0] && f[1]; f++) {
			unsigned h = S_PAIR(f[0], f[1]);
			t->pairs[h >> 6] |= (uint64_t)1 << (h & 63);
		}
	}
	return t->folded;
}

/* Whether the folded text may hold w: every pair of w's bytes is among
 * its pairs (a text is read once to know them, a word is looked for only
 * where it may be). */
static int S_may_hold(const S_text *t, const char *w)
{
	for (; w[0] && w[1]; w++) {
		unsigned h = S_PAIR(w[0], w[1]);
		if (!(t->pairs[h >> 6] & ((uint64_t)1 << (h & 63))))
			return 0;
	}
	return 1;
}

/* The text in UTF-16, made once; 0 when it is to be read as UTF-8. */
static int S_utf16(S_text *t)
{
	if (t->u16)
		return t->n16 >= 0;
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;
	u_strFromUTF8(NULL, 0, &n, t->utf8, -1, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		n = -1;
	t->u16 = malloc(((size_t)(n < 0 ? 0 : n) + 1) * sizeof(UChar));
	if (!t->u16)
		return 0;
	st = U_ZERO_ERROR;
	if (n >= 0)
		u_strFromUTF8(t->u16, n + 1, &n, t->utf8, -1, &st);
	t->n16 = n >= 0 && U_SUCCESS(st) ? n : -1;
	return t->n16 >= 0;
}

/* Whether the text matches re; with buf, the match (in UTF-8) there,
 * as S_match_text sets it.  *b, *e: the match in UTF-16 units or, read as
 * UTF-8, in bytes. */
static int S_find(URegularExpression *re, S_text *t, int64_t *b, int64_t *e, int *u16)
{
	UErrorCode st = U_ZERO_ERROR;
	UText *ut = NULL;
	*u16 = S_utf16(t);
	if (*u16)
		uregex_setText(re, t->u16, t->n16, &st);
	else {
		ut = utext_openUTF8(NULL, t->utf8, -1, &st);
		uregex_setUText(re, ut, &st);
	}
	int found = U_SUCCESS(st) && uregex_find(re, -1, &st) && U_SUCCESS(st);
	if (found && b) {
		*b = uregex_start64(re, 0, &st);
		*e = uregex_end64(re, 0, &st);
		found = U_SUCCESS(st);
	}
	st = U_ZERO_ERROR;
	uregex_setText(re, (const UChar *)u"", 0, &st);
	utext_close(ut);
	return found;
}

static int S_matches(URegularExpression *re, S_text *t)
{
	int u16;
	return S_find(re, t, NULL, NULL, &u16);
}

/* The prefilters' words, case-folded once for the process: for each
 * rule (and then each marker), its words one after the other, each ended
 * by '\0', the list by an empty word; NULL: no prefilter. */
static char *S_words[64];
static pthread_once_t S_words_once = PTHREAD_ONCE_INIT;

static char *S_fold_words(UCaseMap *cm, const char *words)
{
	if (!words)
		return NULL;
	size_t len = strlen(words);
	char *w = malloc(len + 2);
	if (!w)
		return NULL;
	size_t n = 0;
	for (const char *p = words; *p;) {
		size_t l = strcspn(p, " ");
		char one[128];
		if (l && l < sizeof one) {
			for (size_t i = 0; i < l; i++)
				one[i] = p[i] == '_' ? ' ' : p[i];
			char *f = S_fold(cm, one, l);
			size_t fl = f ? strlen(f) : 0;
			if (fl && n + fl + 2 > len + 2) {
				char *bigger = realloc(w, n + fl + len + 2);
				if (!bigger) {
					free(f);
					free(w);
					return NULL;
				}
				w = bigger;
				len = n + fl + len;
			}
			if (fl) {
				memcpy(w + n, f, fl + 1);
				n += fl + 1;
			}
			free(f);
		}
		p += l;
		p += strspn(p, " ");
	}
	w[n] = '\0';
	return w;
}

/* Whether text holds one of the folded words; a text ICU could not fold
 * is not ruled out. */
static int S_holds(S_texts *tx, S_text *t, const char *words)
{
	if (!words)
		return 1;
	const char *f = S_folded(tx, t);
	if (!f)
		return 1;
	for (const char *w = words; *w; w += strlen(w) + 1)
		if (S_may_hold(t, w) && strstr(f, w))
			return 1;
	return 0;
}

/* Whether any text of the clause's heading or body (every language)
 * matches; prefilter (may be NULL) first rules out texts cheaply. */
/* Whether the text is one a rule reads: never a text the library spelt
 * from the en one (the same words); for a rule on lang ("en": the US
 * rules, whose patterns are English), only texts in it when the message
 * has one. */
static int S_reads(const clausier__msg *m, size_t i, const char *lang)
{
	if (m->texts[i].derived)
		return 0;
	if (!lang || !strncasecmp(m->texts[i].lang, lang, strlen(lang)))
		return 1;
	for (size_t k = 0; k < m->ntexts; k++)
		if (!strncasecmp(m->texts[k].lang, lang, strlen(lang)))
			return 0;
	return 1;
}

static int S_clause_matches_in(URegularExpression *re, S_texts *tx, size_t k, const char *prefilter, const char *lang)
{
	const clausier_policy *pol = tx->pol;
	const clausier__pclause *pc = &pol->clauses[k];
	const clausier__clause *cl = &pol->catalog->clauses[pc->clause];
	const clausier__msg *m[2] = { &cl->heading, clausier__pclause_body(pol->catalog, pc) };
	for (int w = 0; w < 2; w++) {
		S_text *t = S_texts_of(tx, k, w, m[w]);
		for (size_t i = 0; t && i < m[w]->ntexts; i++)
			if (S_reads(m[w], i, lang) && S_holds(tx, &t[i], prefilter) && S_matches(re, &t[i]))
				return 1;
	}
	return 0;
}

static int S_clause_matches(URegularExpression *re, S_texts *tx, size_t k, const char *prefilter)
{
	return S_clause_matches_in(re, tx, k, prefilter, NULL);
}

/* Legal content of another jurisdiction: the names of laws and bodies that
 * belong to one jurisdiction.  A marker of jurisdiction J in a policy of
 * jurisdiction P is a finding unless P is J or lies within J (CA-QC and
 * CA-ON within CA, FR within the EU), or within one of the jurisdictions
 * in also, where the marker is ambiguous ("Code du travail" alone is
 * France's or Quebec's). */
typedef struct {
	const char *id, *parent;
	const char *name; /* N_() */
} S_jurisdiction;

static const S_jurisdiction S_jurisdictions[] = {
	{ "US", NULL, N_("United States") },
	{ "CA", NULL, N_("Canada, federal") },
	{ "CA-QC", "CA", N_("Quebec") },
	{ "CA-ON", "CA", N_("Ontario") },
	{ "EU", NULL, N_("European Union") },
	{ "FR", "EU", N_("France") },
};

typedef struct {
	const char *jurisdiction, *also;
	const char *prefilter, *markers;
} S_marker;

static const S_marker S_markers[] = {
	{ "US", NULL,
	  "nlra nlrb national_labor ftc trade_commission hipaa ferpa title_vii at-will employment_at_will _cfr "
	  "_cf_r _cf.r _cf._r _c_fr _c_f_r _c_f.r _c_f._r _c.fr _c.f_r _c.f.r _c.f._r _c._fr _c._f_r _c._f.r "
	  "_c._f._r _usc _us_c _us.c _us._c _u_sc _u_s_c _u_s.c _u_s._c _u.sc _u.s_c _u.s.c _u.s._c _u._sc "
	  "_u._s_c _u._s.c _u._s._c eeoc equal_employment osha occupational_safety americans_with "
	  "first_amendment stored_comm electronic_comm fair_credit sarbanes",
	  "\\bNLRA\\b|National Labor Relations (Act|Board)|\\bNLRB\\b|\\bFTC\\b|Federal Trade Commission|\\bHIPAA\\b|\\bFERPA\\b|\\bTitle VII\\b|\\bat-will\\b|\\bemployment at will\\b"
	  "|\\b\\d+ C\\.? ?F\\.? ?R\\b|\\b\\d+ U\\.? ?S\\.? ?C\\b|\\bEEOC\\b|Equal Employment Opportunity Commission|\\bOSHA\\b|Occupational Safety and Health (Act|Administration)"
	  "|Americans with Disabilities Act|First Amendment|Stored Communications Act|Electronic Communications Privacy Act|Fair Credit Reporting Act|Sarbanes-Oxley" },
	{ "EU", NULL, "rgpd gdpr 2016/679 general_data règlement_général",
	  "\\bRGPD\\b|\\bGDPR\\b|General Data Protection Regulation|Règlement général sur la protection des données|\\b(Regulation|Règlement) \\((EU|UE)\\) (n[o°º] ?)?2016/679" },
	{ "FR", NULL, "l1 l2 l3 l4 l5 l6 l7 l8 l9 l_1 l_2 l_3 l_4 l_5 l_6 l_7 l_8 l_9 l._1 l._2 l._3 l._4 l._5 l._6 l._7 l._8 l._9 l.1 l.2 l.3 l.4 l.5 l.6 l.7 l.8 l.9 cnil informatique sapin code_pénal french_penal french_criminal french_labo code_du_travail_français comité_social cse règlement_intérieur prud défenseur_des",
	  "(?-i:\\bL\\.? ?[1-9]\\d{3}-\\d{1,2}\\b)|\\bCNIL\\b|Commission nationale de l[’']informatique|loi (« ?|\")?Informatique et libertés|loi Sapin|Code pénal|French (Penal|Criminal|Labou?r) Code"
	  "|Code du travail français|comité social et économique|\\b(du|le|au|les élus du|des élus du|avec le) CSE\\b|règlement intérieur(?! (du|de la|de l[’']|des) (conseil|assemblée|comité|syndicat))"
	  "|prud[’']hom\\w*|Défenseur des droits" },
	{ "FR", "CA-QC", "code_du_travail",
	  "\\bCode du travail(?! du Québec|,? \\(Qu[ée]bec\\)|,? RLRQ|,? L\\.?R\\.?Q|,? CQLR|,? chapitre C-27)" },
	{ "CA-QC", NULL, "loi_25 loi_96 law_25 law_96 bill_25 bill_96 loi_n law_n bill_n projet_de_loi commission_d charte_de_la_langue charter_of_the_french code_du_travail labour_code labor_code lrsss lssss loi_sur_les_services act_respecting cnesst normes_du_travail charte_des_droits charter_of_human code_civil civil_code loi_sur_la_protection loi_sur_l rlrq cqlr tribunal_administratif",
	  "\\b(Loi|Law|Bill|projet de loi) (n[o°º]\\.? ?)?(25|96)\\b|Commission d[’']accès à l[’']information|Charte de la langue française|Charter of the French language"
	  "|Code du travail du Québec|Code du travail,? \\(Qu[ée]bec\\)|Labou?r Code,? \\(Qu[ée]bec\\)|Qu[ée]bec(’s|'s)? Labou?r Code|\\bLRSSS\\b|\\bLSSSS\\b"
	  "|Loi sur les services de santé et les services sociaux|Act respecting health services and social services|\\bCNESST\\b|Loi sur les normes du travail|Act respecting labou?r standards"
	  "|Charte des droits et libertés de la personne|Charter of human rights and freedoms|Code civil du Québec|Civil Code of Qu[ée]bec"
	  "|Act respecting the protection of personal information in the private sector|Loi sur la protection des renseignements personnels dans le secteur privé"
	  "|Act respecting access to documents held by public bodies|Loi sur l[’']accès aux documents des organismes publics|\\bRLRQ\\b|\\bCQLR\\b|Tribunal administratif du travail" },
	{ "CA", NULL, "pipeda lprpde personal_information_protection loi_sur_la_protection competition concurrence canada_labo code_canadien commissariat commissaire privacy_commissioner canadian_human loi_canadienne official_languages langues_officielles canadian_charter charte_canadienne",
	  "\\bPIPEDA\\b|\\bLPRPDE\\b|Personal Information Protection and Electronic Documents Act|Loi sur la protection des renseignements personnels et les documents électroniques"
	  "|Competition Act|Loi sur la concurrence|Competition Bureau|Bureau de la concurrence|Canada Labou?r Code|Code canadien du travail"
	  "|Commissariat à la protection de la vie privée du Canada|Commissaire à la protection de la vie privée du Canada|Privacy Commissioner of Canada"
	  "|Canadian Human Rights (Act|Commission)|Loi canadienne sur les droits de la personne|Official Languages Act|Loi sur les langues officielles"
	  "|Canadian Charter of Rights and Freedoms|Charte canadienne des droits et libertés" },
	{ "CA-ON", NULL, "occupational_health ontario aoda phipa personal_health wsib workplace_safety r.s.o l.r.o ohsa employment_standards",
	  "Occupational Health and Safety Act|Ontario Human Rights (Code|Commission)|Human Rights Code,? \\(Ontario\\)|Code des droits de la personne,? \\(Ontario\\)"
	  "|Employment Standards Act, 2000|Accessibility for Ontarians with Disabilities Act|\\bAODA\\b|\\bPHIPA\\b|Personal Health Information Protection Act"
	  "|\\bWSIB\\b|Workplace Safety and Insurance Board|\\bR\\.S\\.O\\.|\\bL\\.R\\.O\\.|Loi sur la santé et la sécurité au travail,? \\(Ontario\\)|Information and Privacy Commissioner of Ontario|\\bOHSA\\b" },
};
#define S_NMARKERS (sizeof S_markers / sizeof S_markers[0])

static const S_jurisdiction *S_jurisdiction_find(const char *id)
{
	for (size_t i = 0; i < sizeof S_jurisdictions / sizeof S_jurisdictions[0]; i++)
		if (!strcmp(S_jurisdictions[i].id, id))
			return &S_jurisdictions[i];
	return NULL;
}

/* Whether jurisdiction p is j or lies within it. */
static int S_within(const char *p, const char *j)
{
	for (int depth = 0; p && depth < 8; depth++) {
		if (!strcmp(p, j))
			return 1;
		const S_jurisdiction *d = S_jurisdiction_find(p);
		p = d ? d->parent : NULL;
	}
	return 0;
}

/* The folded words of every rule's and marker's prefilter. */
_Static_assert(S_NRULES <= 32 && S_NMARKERS <= 32, "S_words holds 32 rules and 32 markers");

static void S_words_init(void)
{
	UErrorCode st = U_ZERO_ERROR;
	UCaseMap *cm = ucasemap_open("", U_FOLD_CASE_DEFAULT, &st);
	if (U_FAILURE(st))
		return;
	for (size_t r = 0; r < S_NRULES; r++)
		S_words[r] = S_fold_words(cm, S_rules[r].prefilter);
	for (size_t j = 0; j < S_NMARKERS; j++)
		S_words[32 + j] = S_fold_words(cm, S_markers[j].prefilter);
	ucasemap_close(cm);
}

/* The folded words of a prefilter (NULL: none, every text is read), or
 * NULL in *failed when memory ran out. */
static const char *S_prefilter(const char *prefilter, size_t slot, int *failed)
{
	if (!prefilter)
		return NULL;
	pthread_once(&S_words_once, S_words_init);
	if (!S_words[slot])
		*failed = 1;
	return S_words[slot];
}

/* Whether text matches, with the matched text (its white space made one
 * space, cut at a character boundary) in buf. */
static int S_match_text(URegularExpression *re, S_text *t, char *buf, size_t size)
{
	int64_t b, e;
	int u16;
	if (!S_find(re, t, &b, &e, &u16))
		return 0;
	/* the match in UTF-8 (a UTF-16 match converted back: the same bytes) */
	const char *text = t->utf8;
	char *conv = NULL;
	if (u16) {
		UErrorCode st = U_ZERO_ERROR;
		int32_t need = 0;
		u_strToUTF8(NULL, 0, &need, t->u16 + b, (int32_t)(e - b), &st);
		conv = malloc((size_t)need + 1);
		st = U_ZERO_ERROR;
		if (conv)
			u_strToUTF8(conv, need + 1, &need, t->u16 + b, (int32_t)(e - b), &st);
		if (!conv || U_FAILURE(st)) {
			free(conv);
			buf[0] = '\0';
			return 1;
		}
		text = conv;
		e = need;
		b = 0;
	}
	size_t n = 0;
	for (int64_t i = b; i < e && n + 1 < size; i++) {
		char c = text[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			if (n && buf[n - 1] == ' ')
				continue;
			c = ' ';
		}
		buf[n++] = c;
	}
	while (n && (buf[n - 1] & 0xC0) == 0x80)
		n--; /* a character cut short: drop its continuation bytes... */
	if (n && (unsigned char)buf[n - 1] >= 0xC0)
		n--; /* ...and its lead byte */
	buf[n] = '\0';
	free(conv);
	return 1;
}

static const S_rule *S_find_rule(const char *id)
{
	for (size_t i = 0; i < S_NRULES; i++)
		if (!strcmp(S_rules[i].id, id))
			return &S_rules[i];
	return NULL;
}

typedef struct {
	const clausier_policy *pol;
	clausier_finding_report report;
	void *ctx;
	int n;
	S_texts tx;
} S_lint;

static void S_emit(S_lint *l, const S_rule *r, const char *clause, const char *message)
{
	clausier_finding f = { r ? r->severity : CLAUSIER_CHECK_ERROR, clause, r ? r->id : NULL,
		               r ? r->reference : NULL, message ? message : _(r->message) };
	if (l->report)
		l->report(l->ctx, &f);
	l->n++;
}

static int S_applies(const S_rule *r, const clausier_policy *pol)
{
	return !r->jurisdictions || (pol->jurisdiction && clausier__word_in(r->jurisdictions, pol->jurisdiction));
}

/* The first clause of the policy on topic, or -1. */
static long S_on_topic(const clausier_policy *pol, const char *topic)
{
	for (size_t k = 0; k < pol->nclauses; k++)
		if (!strcmp(pol->catalog->clauses[pol->clauses[k].clause].topic, topic))
			return (long)k;
	return -1;
}

/* The first clause of the policy whose text matches pattern, or -1. */
static long S_mentions(S_texts *tx, const char *pattern, int *failed)
{
	const clausier_policy *pol = tx->pol;
	URegularExpression *re = S_compile(pattern);
	if (!re) {
		*failed = 1;
		return -1;
	}
	long found = -1;
	for (size_t k = 0; k < pol->nclauses && found < 0; k++)
		if (S_clause_matches(re, tx, k, NULL))
			found = (long)k;
	uregex_close(re);
	return found;
}

#define S_ID(pol, k) ((pol)->catalog->clauses[(pol)->clauses[k].clause].id)

int clausier_policy_lint(const clausier_policy *pol, const clausier_genre_spec *genre,
                         clausier_finding_report report, void *ctx, clausier_error *err)
{
	if (!pol || (genre && genre->genre != pol->catalog->genre)) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	S_lint l = { pol, report, ctx, 0, { pol, NULL, NULL, 0 } };
	const clausier_catalog *cat = pol->catalog;
	int failed = 0;
	UErrorCode st = U_ZERO_ERROR;
	l.tx.fold = ucasemap_open("", U_FOLD_CASE_DEFAULT, &st);
	l.tx.texts = calloc(pol->nclauses * 2 + 1, sizeof *l.tx.texts);
	if (U_FAILURE(st) || !l.tx.texts) {
		S_texts_free(&l.tx);
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("out of memory"));
		return CLAUSIER_ENOMEM;
	}

	/* What the genre requires. */
	for (size_t i = 0; genre && i < genre->nitems; i++) {
		const clausier__gitem *it = &genre->items[i];
		if (it->kind != CLAUSIER_GENRE_ELEMENT || !it->status || strcmp(it->status, "required"))
			continue;
		if (!clausier__gitem_applies(it, pol->jurisdiction, pol->sector))
			continue;
		int covered = 0;
		for (size_t k = 0; k < pol->nclauses && !covered; k++)
			covered = clausier__word_in(it->topics, cat->clauses[pol->clauses[k].clause].topic);
		if (covered)
			continue;
		/* TRANSLATORS: the language of this translation, as a BCP 47 tag
		 * ("fr"): the genre's own texts are given in it. */
		const char *lang = _("en");
		char msg[1024], rule[128];
		snprintf(msg, sizeof msg, _("the policy has no clause for “%s”, which a reader of this genre expects: %s"),
		         clausier__ltexts_get(&it->title, lang), clausier__ltexts_get(&it->text, lang));
		snprintf(rule, sizeof rule, "genre-%s", it->id);
		clausier_finding f = { CLAUSIER_CHECK_ERROR, NULL, rule, NULL, msg };
		if (report)
			report(ctx, &f);
		l.n++;
	}

	/* Advice kept apart from rules: a clause of kind advice in a section
	 * the genre keeps for rules, or a rule in its advice section. */
	for (size_t k = 0; genre && k < pol->nclauses; k++) {
		const clausier__clause *cl = &cat->clauses[pol->clauses[k].clause];
		if (cl->section < 0 || (cl->kind != CLAUSIER_KIND_ADVICE && cl->kind != CLAUSIER_KIND_RULE))
			continue;
		for (size_t i = 0; i < genre->nitems; i++) {
			const clausier__gitem *it = &genre->items[i];
			if (it->kind != CLAUSIER_GENRE_SECTION || !it->status ||
			    strcmp(it->id, cat->sections[cl->section].id))
				continue;
			const char *msg = NULL;
			if (cl->kind == CLAUSIER_KIND_ADVICE && !strcmp(it->status, "rules"))
				msg = _("advice in the rules section: a reader of this genre expects advice kept apart from the rules it must obey");
			else if (cl->kind == CLAUSIER_KIND_RULE && !strcmp(it->status, "advice"))
				msg = _("a rule in the advice section: a reader of this genre takes what is there as optional");
			if (msg) {
				clausier_finding f = { CLAUSIER_CHECK_WARNING, cl->id, "genre-advice-apart", NULL, msg };
				if (report)
					report(ctx, &f);
				l.n++;
			}
		}
	}

	/* Clause by clause. */
	for (size_t r = 0; r < S_NRULES; r++) {
		const S_rule *rule = &S_rules[r];
		if (!rule->match || !S_applies(rule, pol))
			continue;
		const char *words = S_prefilter(rule->prefilter, r, &failed);
		if (rule->prefilter && !words)
			continue;
		URegularExpression *re = S_compile(rule->match), *un = rule->unless ? S_compile(rule->unless) : NULL;
		if (!re || (rule->unless && !un)) {
			uregex_close(re);
			uregex_close(un);
			failed = 1;
			continue;
		}
		for (size_t k = 0; k < pol->nclauses; k++) {
			const clausier__clause *cl = &cat->clauses[pol->clauses[k].clause];
			if (rule->skip_topics && clausier__word_in(rule->skip_topics, cl->topic))
				continue;
			/* the US rules read the English text, the original of a US policy */
			const char *lang = !strncmp(rule->id, "us-", 3) ? "en" : NULL;
			if (S_clause_matches_in(re, &l.tx, k, words, lang) &&
			    !(un && S_clause_matches_in(un, &l.tx, k, NULL, lang)))
				S_emit(&l, rule, cl->id, NULL);
		}
		uregex_close(re);
		uregex_close(un);
	}

	/* A jurisdiction's own text of a clause that the policy does not use
	 * (a policy document edited by hand, or assembled before the catalog
	 * had it). */
	for (size_t k = 0; k < pol->nclauses; k++) {
		const clausier__pclause *pc = &pol->clauses[k];
		const clausier__clause *cl = &cat->clauses[pc->clause];
		clausier__pclause best;
		clausier__pick_body(cl, pol->jurisdiction, pc->risk, &best);
		if (best.jbody < 0 || best.jbody == pc->jbody ||
		    (pc->jbody >= 0 && clausier__jurisdiction_level(cl->jbodies[best.jbody].jurisdictions, pol->jurisdiction) <=
		                               clausier__jurisdiction_level(cl->jbodies[pc->jbody].jurisdictions, pol->jurisdiction)))
			continue;
		char msg[512];
		snprintf(msg, sizeof msg, _("the catalog has a text of this clause written for %s, which this policy does not use"),
		         cl->jbodies[best.jbody].jurisdictions);
		clausier_finding f = { CLAUSIER_CHECK_WARNING, cl->id, "jurisdiction-variant", NULL, msg };
		if (report)
			report(ctx, &f);
		l.n++;
	}

	/* The policy as a whole. */
	const S_rule *rule;

	/* Clauses and bodies limited to other jurisdictions than the policy's
	 * (a policy document can name them). */
	for (size_t k = 0; pol->jurisdiction && k < pol->nclauses; k++) {
		const clausier__pclause *pc = &pol->clauses[k];
		const clausier__clause *cl = &cat->clauses[pc->clause];
		char msg[512];
		if (!clausier__clause_in(cl, pol->jurisdiction) && (rule = S_find_rule("jurisdiction-clause"))) {
			snprintf(msg, sizeof msg, _("the clause is limited to jurisdictions %s, and the policy’s jurisdiction is %s"),
			         cl->jurisdictions, pol->jurisdiction);
			S_emit(&l, rule, cl->id, msg);
		}
		if (pc->jbody >= 0 && (size_t)pc->jbody < cl->njbodies &&
		    !clausier__jurisdiction_level(cl->jbodies[pc->jbody].jurisdictions, pol->jurisdiction) &&
		    (rule = S_find_rule("jurisdiction-body"))) {
			snprintf(msg, sizeof msg, _("the clause uses its text for jurisdictions %s, and the policy’s jurisdiction is %s"),
			         cl->jbodies[pc->jbody].jurisdictions, pol->jurisdiction);
			S_emit(&l, rule, cl->id, msg);
		}
	}

	/* Legal content of another jurisdiction, once per clause and
	 * jurisdiction cited. */
	if ((rule = S_find_rule("jurisdiction-mismatch")) && pol->jurisdiction && pol->nclauses) {
		const S_jurisdiction *own = S_jurisdiction_find(pol->jurisdiction);
		unsigned char *cited = calloc(pol->nclauses, 1);
		for (size_t j = 0; cited && j < S_NMARKERS; j++) {
			const S_marker *mk = &S_markers[j];
			if (S_within(pol->jurisdiction, mk->jurisdiction))
				continue;
			int also = 0;
			for (const char *a = mk->also; a && *a && !also;) {
				size_t len = strcspn(a, " ");
				char w[16];
				if (len < sizeof w) {
					memcpy(w, a, len);
					w[len] = '\0';
					also = S_within(pol->jurisdiction, w);
				}
				a += len;
				a += strspn(a, " ");
			}
			if (also)
				continue;
			size_t bit = 0;
			while (bit < sizeof S_jurisdictions / sizeof S_jurisdictions[0] &&
			       strcmp(S_jurisdictions[bit].id, mk->jurisdiction))
				bit++;
			const char *words = S_prefilter(mk->prefilter, 32 + j, &failed);
			URegularExpression *re = words ? S_compile(mk->markers) : NULL;
			if (!re) {
				failed = 1;
				continue;
			}
			for (size_t k = 0; k < pol->nclauses; k++) {
				const clausier__clause *cl = &cat->clauses[pol->clauses[k].clause];
				const clausier__msg *m[2] = { &cl->heading, clausier__pclause_body(cat, &pol->clauses[k]) };
				char what[96];
				int found = 0;
				if (cited[k] & (1u << bit))
					continue;
				for (int t = 0; t < 2 && !found; t++) {
					S_text *tt = S_texts_of(&l.tx, k, t, m[t]);
					for (size_t i = 0; tt && i < m[t]->ntexts && !found; i++)
						found = !m[t]->texts[i].derived && S_holds(&l.tx, &tt[i], words) &&
						        S_match_text(re, &tt[i], what, sizeof what);
				}
				if (!found)
					continue;
				cited[k] |= (unsigned char)(1u << bit);
				char msg[512];
				snprintf(msg, sizeof msg, _("the clause cites “%s”, law or a body of another jurisdiction (%s) than the policy’s (%s)"), what, _(S_jurisdictions[bit].name),
				         own ? _(own->name) : pol->jurisdiction);
				S_emit(&l, rule, cl->id, msg);
			}
			uregex_close(re);
		}
		if (!cited)
			failed = 1;
		free(cited);
	}

	/* The policy as a whole. */
	if ((rule = S_find_rule("ca-official-languages")) && S_applies(rule, pol) &&
	    pol->sector == CLAUSIER_SECTOR_PUBLIC) {
		long k = S_on_topic(pol, "official-accounts");
		if (k >= 0 && S_mentions(&l.tx, "both official languages|deux langues officielles|(English|anglais) et (en )?(French|français)|(French|français) (and|et) (en )?(English|anglais)|English and French", &failed) < 0)
			S_emit(&l, rule, S_ID(pol, k), NULL);
	}
	if ((rule = S_find_rule("fr-monitoring-information")) && S_applies(rule, pol) &&
	    S_on_topic(pol, "monitoring") < 0) {
		long k = S_mentions(&l.tx, "surveill|contrôl\\w* (de|des|du) (l’)?(usage|utilisation|activité|poste|messagerie|connexions?)|journalis|\\bmonitor|\\blogg(ed|ing)\\b", &failed);
		if (k >= 0)
			S_emit(&l, rule, S_ID(pol, k), NULL);
	}
	/* A public employer consults its own body instead (comité social d’administration,
	   territorial or d’établissement): its charte names it. */
	if ((rule = S_find_rule("fr-cse-consultation")) && S_applies(rule, pol)) {
		long k = S_on_topic(pol, "monitoring");
		if (k >= 0 && S_mentions(&l.tx, "\\bCSE\\b|comité social (et économique|d’administration|territorial|d’établissement)|works council|social and economic committee", &failed) < 0)
			S_emit(&l, rule, S_ID(pol, k), NULL);
	}
	if ((rule = S_find_rule("fr-reglement-interieur")) && S_applies(rule, pol)) {
		long k = S_on_topic(pol, "sanctions");
		if (k >= 0 && S_mentions(&l.tx, "règlement intérieur|internal (work )?rules|work rules", &failed) < 0)
			S_emit(&l, rule, S_ID(pol, k), NULL);
	}
	failed |= l.tx.failed;
	S_texts_free(&l.tx);
	if (failed) {
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("cannot compile a lint rule’s pattern"));
		return CLAUSIER_ENOMEM;
	}
	return l.n;
}

const char *clausier_lint_disclaimer(void)
{
	return _("These findings are not legal advice: they point to clauses that a lawyer of the jurisdiction should review.");
}
