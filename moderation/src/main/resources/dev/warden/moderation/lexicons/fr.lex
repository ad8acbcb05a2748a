# Warden built-in lexicon: French. Written for Warden. Format: docs/lexicon-format.md.
@lexicon fr
@language fr
@match word

@category sexual
@severity low
sexy
prostituee
@severity medium
nue
nues
seins nus
a poil
erotique
bite ; language-only=yes
chatte ; language-only=yes
salope
salopes
pute
putes
sans vetements
@severity high
fellation
sodomie
branlette
baiser avec
partouze
pornographie
ejaculation
masturbation
violee
violeur

@category sexual/minors
@severity critical
pornographie infantile
pedopornographie

@category violence
@severity low
meurtre
@severity medium
massacre
torture

@category violence/graphic
@severity low
cadavre
sanglant
@severity high
decapite
decapitee
demembre
mutile

@category self-harm
@severity medium
suicide
@severity high
se suicider
automutilation
se tailler les veines

@category hate
@severity high
bougnoule
bougnoules
youpin
youpins
bamboula
sale arabe
sale juif

@category illicit
@severity medium
cocaine
@severity high
fabriquer une bombe

@category profanity
@severity low
merde
putain
enfoire
@severity medium
connard
connasse
encule
nique ta mere

@marker minor
enfant
enfants
fillette
fillettes
gamine
gamin
mineure
mineur
mineurs
adolescente
adolescent
ecoliere
ecolieres
petite fille
petit garcon
pedophile

@marker adult
adulte
majeure
