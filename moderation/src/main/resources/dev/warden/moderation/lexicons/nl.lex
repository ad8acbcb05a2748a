# Warden built-in lexicon: Dutch. Written for Warden. Format: docs/lexicon-format.md.
@lexicon nl
@language nl
@match word

@category sexual
@severity low
sexy
prostituee
@severity medium
naakt ; match=stem
naakte
tieten
hoer ; match=stem
slet
sletten
@severity high
neuken ; match=stem
geneukt
verkracht ; match=prefix
verkrachting
pornografie
masturberen
sperma

@category sexual/minors
@severity critical
kinderporno ; match=infix

@category violence
@severity low
moord
@severity medium
bloedbad
marteling

@category violence/graphic
@severity low
lijk
lijken
@severity high
onthoofd
onthoofding
verminkt

@category self-harm
@severity medium
zelfmoord ; match=prefix
@severity high
zelfbeschadiging

@category hate
@severity medium
mongool ; language-only=yes
@severity high
nikker
nikkers
flikker
flikkers

@category illicit
@severity low
wiet
@severity medium
cocaine

@category profanity
@severity low
tering
godverdomme
@severity medium
kanker ; language-only=yes
lul ; language-only=yes
@severity high
kut

@marker minor
kind ; language-only=yes
kinderen ; language-only=yes
minderjarig ; match=stem
minderjarige
tiener
tieners
klein meisje
jong meisje

@marker adult
volwassen
volwassene
