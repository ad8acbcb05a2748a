# Warden built-in lexicon: German. Written for Warden. Format: docs/lexicon-format.md.
# Compounds: terms that appear inside German compound words use match=infix or match=suffix.
@lexicon de
@language de
@match word

@category sexual
@severity low
sexy
prostituierte
@severity medium
nackt ; match=stem
nackte
nacktbild ; match=prefix
titten
muschi ; language-only=yes
hure ; match=stem
nutte ; match=stem
schlampe ; match=stem
erotisch
@severity high
fick ; match=infix
gefickt
wichsen ; match=stem
blasen lassen
vergewaltig ; match=infix
sperma
ohne kleidung

@category sexual/minors
@severity critical
kinderporno ; match=infix
kinderpornografie ; match=infix
kinderpornographie ; match=infix

@category violence
@severity low
mord
ermordet
@severity medium
massaker
folter ; match=stem

@category violence/graphic
@severity low
leiche
leichen
blutig
@severity high
enthauptet
enthauptung
zerstuckelt
verstummelt

@category self-harm
@severity medium
selbstmord ; match=prefix
suizid ; match=prefix
@severity high
selbstverletzung
ritzen ; language-only=yes

@category hate
@severity medium
zigeuner
@severity high
neger ; match=stem
kanake ; match=stem
kanaken
judensau
schwuchtel
untermenschen

@category illicit
@severity low
drogen
@severity medium
kokain
@severity high
bombenbau
bombe bauen

@category profanity
@severity low
scheisse ; match=infix
verdammt
@severity medium
arschloch
wichser
fotze ; match=suffix

@marker minor
kind ; language-only=yes
kinder ; language-only=yes
kindes ; language-only=yes
kleines madchen
junges madchen
schulmadchen
minderjahrig ; match=stem
minderjahrige
jugendliche
jugendlicher

@marker adult
erwachsene
erwachsener
volljahrig
