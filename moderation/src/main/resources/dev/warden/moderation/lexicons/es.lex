# Warden built-in lexicon: Spanish. Written for Warden. Format: docs/lexicon-format.md.
# Inflected words use match=stem (Lucene's Spanish Snowball stemmer).
@lexicon es
@language es
@match word

@category sexual
@severity low
sexy
lenceria
prostituta
@severity medium
sexo
desnuda
desnudo
desnudas
desnudos
desnudez
tetas
pechos desnudos
erotica
erotico
puta
putas
zorra ; language-only=yes
polla ; language-only=yes
verga ; language-only=yes
pene ; language-only=yes
sin ropa
@severity high
follar ; match=stem
follando
mamada
coño ; severity=low
chupapollas
pornografia
orgasmo
masturbacion
masturbarse
eyaculacion
semen
violacion sexual
violada
violador

@category sexual/minors
@severity critical
pornografia infantil
abuso sexual infantil
porno infantil

@category violence
@severity low
asesinato
asesinado
@severity medium
masacre
tortura
torturado

@category violence/graphic
@severity low
cadaver
sangriento
@severity high
decapitado
decapitada
decapitacion
descuartizado
descuartizada
mutilado
mutilada

@category self-harm
@severity medium
suicidio
@severity high
suicidarse
autolesion
autolesiones
cortarse las venas

@category hate
@severity medium
marica
puto
@severity high
maricon
maricones
sudaca
sudacas
negrata

@category illicit
@severity low
marihuana
@severity medium
cocaina
metanfetamina
@severity high
como hacer una bomba

@category profanity
@severity low
mierda
joder
cabron
gilipollas
pendejo
chingar
@severity medium
hijo de puta

@marker minor
niña
niño
niñas
niños
nena
nenas
menor de edad
menores de edad
adolescente
adolescentes
colegiala
colegialas
pedofilo
infantil

@marker adult
adulta
adulto
mayor de edad

@allow
cono de helado
