# Warden built-in lexicon: Italian. Written for Warden. Format: docs/lexicon-format.md.
@lexicon it
@language it
@match word

@category sexual
@severity low
sexy
prostituta
@severity medium
nuda
nude
nudo ; language-only=yes
nudi ; language-only=yes
tette
puttana
puttane
figa ; language-only=yes
senza vestiti
@severity high
pompino
pompini
stupro ; match=stem
stuprata
pornografia
masturbazione
sborra

@category sexual/minors
@severity critical
pornografia infantile
pedopornografia

@category violence
@severity low
omicidio
@severity medium
massacro
tortura

@category violence/graphic
@severity low
cadavere
sanguinoso
@severity high
decapitato
decapitata
smembrato
mutilato

@category self-harm
@severity medium
suicidio
@severity high
suicidarsi
autolesionismo

@category hate
@severity high
frocio
froci
negro di merda

@category illicit
@severity medium
cocaina
eroina ; language-only=yes

@category profanity
@severity low
merda
stronzo
minchia
@severity medium
cazzo
vaffanculo

@marker minor
bambina
bambine
bambino
bambini
ragazzina
ragazzine
ragazzino
minorenne
minorenni

@marker adult
adulta
adulto
maggiorenne
