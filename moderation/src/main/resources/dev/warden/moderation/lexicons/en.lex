# Warden built-in lexicon: English.
# Written for Warden (not derived from public word lists). Format: docs/lexicon-format.md.
# Severities follow what an image-generation service needs: under the default policy, sexual
# low flags, medium and up block; violence low is allowed, medium flagged; profanity is allowed
# unless high.
@lexicon en
@language en
@match word

@category sexual
@severity low
sexy
lingerie
fetish
seductive pose
booty
thong
stripper
aroused
playboy
hooker
prostitute
undressing
undressed
see through top
wet t-shirt
shirtless
bare chested
bare-chested
seductive
seductively
sensual
sensuality
sultry
voluptuous
buxom
busty
cleavage
carnal
lustful
provocative pose
risque
scantily clad
skimpy
lightly dressed
barely dressed
underwear
panties
pantsu
bra
garter belt
fishnet stockings
boudoir
pin-up
pinup
playmate
centerfold
twerking
twerk
bending over
femboy
femboys
strip club
lap dance
thick thighs
oiled up
milo manara
tom of finland
luis ricardo falero
@severity medium
nude
nudes
nudity
naked
nakedness
topless
bottomless
nsfw
erotic
erotica
erotism
lewd
ecchi
horny
slut
sluts
slutty
whore
whores
breasts ; severity=low
boobs
boob
tits
titties
tiddies
nipple
nipples
areola
areolas
penis
penises
vagina
vaginas
vulva
genitals
genitalia
testicles
scrotum
sperm
threesome
bdsm
bondage
vibrator
sex toy
sex
sexual
xxx
without clothes
no clothes
wearing nothing
fully nude
camel toe
cameltoe
voyeur
striptease
strip tease
onlyfans
oppai
sensual nude
bare breasted
bare-breasted
skinny dipping
half naked
half-naked
partially nude
nudist
nudists
nudism
naturist
birthday suit
exposed breasts
dominatrix
jenna jameson
stoya
sasha grey
mia khalifa
riley reid
lana rhoades
johnny sins
asa akira
billy herrington
brazzers
xvideos
xhamster
hegre
hegreart
metart
met-art
suicidegirls
chaturbate
@severity high
porn ; match=infix
pr0n
hentai
blowjob
blow job
blowjobs
handjob
hand job
rimjob
footjob
titjob
cumshot
cum
cumming
creampie
gangbang
gang bang
orgy
orgies
dildo
dildos
anal
anus
butthole
asshole ; severity=medium
dick ; severity=medium
dicks ; severity=medium
cock ; severity=medium
cocks ; severity=medium
pussy
pussies
clit
clitoris
labia
semen
ejaculate ; match=stem
ejaculation
orgasm ; match=stem
masturbate ; match=stem
masturbation
masturbating
jerking off
jerk off
wank ; match=stem
wanking
having sex
sex scene
sex act
sexual intercourse
intercourse
fellatio
cunnilingus
deepthroat
deep throat
bukkake
milf
futanari
ahegao
paizuri
rule 34
rule34
upskirt
downblouse
spread legs
spreading her legs
erect penis
sucking dick
sucking cock
penetration
penetrated
doggystyle
doggy style
missionary position
pornstar
sexting
rape ; match=stem
raped
raping
rapist
rapists
molest ; match=stem
molested
molestation
incest

@category sexual/minors
@severity critical
child porn
child pornography
kiddie porn
kiddy porn
jailbait
lolicon
shotacon
toddlercon
pthc
csam
preteen nude
preteen sex
underage sex
underage nude
child sexual abuse
child abuse material
nymphet
nymphets
nymphette
nymphettes

@category violence
@severity low
murder
murdered
murdering
killing people
bloody
execution
beaten up
strangled
strangling
stabbing
stabbed
@severity medium
massacre
massacred
genocide
torture ; match=stem
tortured
torturing
terrorist attack
suicide bomber
war crime
war crimes
lynching
lynched
shooting people
@severity high
mass shooting
school shooting
shot in the head
killing children
bomb a school

@category violence/graphic
@severity low
corpse
corpses
dead body
dead bodies
blood splatter
autopsy
@severity medium
gore
gory
gruesome
bloodbath
carnage
entrails
rotting corpse
bullet wound
gunshot wound
cannibal
cannibalism
impaled
mutilated body
@severity high
beheading
beheaded
decapitated
decapitation
decapitate ; match=stem
dismember ; match=stem
dismembered
disembowel ; match=stem
disemboweled
eviscerated
mutilate ; match=stem
mutilation
mutilated
severed head
severed heads
severed limbs
flayed
skinned alive
burned alive
brains splattered
exposed intestines
snuff film

@category self-harm
@severity low
overdose
noose
anorexic
@severity medium
suicide
suicidal
kill himself
kill herself
killing himself
killing herself
hanged himself
hanged herself
@severity high
kill myself
killing myself
self harm
selfharm
self-harm
self harming
self mutilation
cutting myself
cutting her wrists
slit wrists
slit wrist
slitting wrists
slitting her wrists
hanging himself
hanging herself
pro ana
pro-ana
thinspiration
thinspo

@category hate
@severity low
nazi
nazis
swastika
@severity medium
neo nazi
neo-nazi
kkk
ku klux klan
white supremacy
white supremacist
fag
fags
dyke
tranny
trannies
coon
subhuman
@severity high
nigger ; match=stem
niggers
nigga
niggas
faggot
faggots
kike
kikes
spic
spics
wetback
wetbacks
chink
chinks
gook
gooks
raghead
ragheads
towelhead
towelheads
porch monkey
jungle bunny
beaner
beaners
heil hitler
sieg heil
white power
ethnic cleansing
holocaust denial
untermensch
@severity critical
gas the jews
kill all jews
kill all muslims
kill all blacks

@category harassment
@severity low
humiliated
humiliating
cuck
@severity medium
retard
retards
retarded
kys
go die
revenge porn
doxx ; match=stem
doxxed
@severity high
kill yourself
you should die

@category illicit
@severity low
marijuana
cannabis
smoking weed
lsd
shrooms
magic mushrooms
drug dealer
drug cartel
@severity medium
cocaine
heroin
meth
methamphetamine
crystal meth
crack cocaine
crack pipe
fentanyl
mdma
ecstasy pills
snorting coke
snorting cocaine
injecting heroin
meth lab
ghost gun
molotov cocktail
@severity high
pipe bomb
nail bomb
homemade bomb
bomb making
make a bomb
build a bomb
how to make meth
@severity critical
how to make a bomb

@category profanity
@severity low
shit ; match=prefix
bullshit
crap
damn
piss
pissed
bastard
douchebag
ass
@severity medium
fuck ; match=infix
bitch ; match=stem
bitches
wanker
twat
dickhead
motherfucker
@severity high
cunt ; match=stem
cunts

# Markers: not findings on their own; the combination rules use them.
@marker minor
@severity low
child
children
kid
kids
toddler
toddlers
infant
infants
newborn
babies
preteen
pre-teen
preteens
tween
tweens
teen
teens
teenager
teenagers
teenage
underage
under age
prepubescent
pubescent
schoolgirl
schoolgirls
schoolboy
schoolboys
school girl
young girl
young girls
little girl
little girls
young boy
young boys
little boy
little boys
loli
lolis
lolita
shota
pedo
pedophile
paedophile
pedophilia
kindergarten
elementary school
middle school
junior high
first grader
second grader
third grader
fourth grader
fifth grader
sixth grader

@marker adult
adult
adults
grown up
grownup
of age
adult woman
adult man
adult body
over 18

@marker defamatory
arrested
mugshot
in jail
in prison
behind bars
in handcuffs
handcuffed
prison jumpsuit
orange jumpsuit
drunk
vomiting
humiliated
crying in jail
in a coffin
pooping
urinating

# Harmless words and phrases that contain or resemble the terms above.
@allow
scunthorpe
cocker spaniel ; match=prefix
cockade ; match=prefix
grape ; match=prefix
drape ; match=prefix
scrape ; match=prefix
dickens
great tit ; match=prefix
shiitake
shitake
essex
sussex
middlesex
wessex
transylvania ; match=prefix
cocktail ; match=prefix
cockpit ; match=prefix
cockatoo ; match=prefix
cockatiel ; match=prefix
cockroach ; match=prefix
cockerel ; match=prefix
cockney
cock crowing
cock of the rock
anal retentive
peacock ; match=stem
hancock
hitchcock
babcock
woodcock
shuttlecock
weathercock
canal
analysis
analyst
banal
butterfly
raccoon
cocoon
tycoon
coon hound
coonhound
virgin mary
chicken breast ; match=prefix
turkey breast ; match=prefix
duck breast ; match=prefix
breaststroke
breast cancer
breastfeeding
breastplate
shooting star ; match=prefix
photo shoot
essex
sussex
middlesex
wessex
sextant
sextet
sexton
sex pistols
sex and the city
sex education
same sex
same-sex
opposite sex
moby dick
dick van dyke
philip k dick
dick tracy
dick grayson
pussy willow
pussy cat
pussycat
blue tit
great tit
coal tit
titmouse
tit for tat
cumulus
cum laude
magna cum laude
summa cum laude
sperm whale
annus
annus horribilis
shiitake
shitake
gore tex
gore-tex
al gore
suicide squad
suicide doors
rape of europa
rape of proserpina
rape of the sabine women
rape of the lock
rapeseed
oilseed rape
chink in the armor
chink in the armour
spic and span
naked eye
naked mole rat
naked flame
naked truth
naked lunch
barenaked ladies
nude color
nude colour
nude lipstick
nude heels
nude tones
nude palette
nude beige
nude makeup
nude nails
nude shade
nude pink
nude lip
dead sea
kill bill
trump card
execution of the plan
assassin's creed
mass effect
heroine
methane
method
methodology
cocaine bear
crackers
