# Warden built-in lexicon: Portuguese. Written for Warden. Format: docs/lexicon-format.md.
@lexicon pt
@language pt
@match word

@category sexual
@severity low
sexy
lingerie
prostituta
@severity medium
nua
nuas
nudez
seios
peitos
vadia
puta
putas
sem roupa
@severity high
buceta
piroca
foder ; match=stem
transar ; match=stem
boquete
punheta
estupro ; match=stem
estuprada
pornografia
masturbacao

@category sexual/minors
@severity critical
pornografia infantil
abuso sexual infantil

@category violence
@severity low
assassinato
@severity medium
massacre
tortura

@category violence/graphic
@severity low
cadaver
sangrento
@severity high
decapitado
decapitada
esquartejado
mutilado

@category self-harm
@severity medium
suicidio
@severity high
se matar
automutilacao

@category hate
@severity medium
bicha ; language-only=yes
@severity high
viado
viados

@category illicit
@severity low
maconha
@severity medium
cocaina
crack

@category profanity
@severity low
merda
porra
foda se
@severity medium
caralho

@marker minor
criança
crianca
criancas
menina
meninas
menino
meninos
menor de idade
adolescente
adolescentes

@marker adult
adulta
adulto
maior de idade
