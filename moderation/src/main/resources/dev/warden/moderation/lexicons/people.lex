# Warden built-in lexicon: real, named people who are often targeted by sexual or defamatory
# image requests. A name is a marker, not a finding: the rules in rules.lex combine it with a
# sexual, violent or defamatory term. Written for Warden. Format: docs/lexicon-format.md.
@lexicon people
@language *
@match word

@marker person
# Heads of state and politicians
donald trump
trump
joe biden
biden
kamala harris
barack obama
obama
michelle obama
hillary clinton
bill clinton
vladimir putin
putin
volodymyr zelensky
zelensky
xi jinping
kim jong un
emmanuel macron
angela merkel
olaf scholz
boris johnson
rishi sunak
keir starmer
justin trudeau
narendra modi
jair bolsonaro
lula da silva
giorgia meloni
recep tayyip erdogan
benjamin netanyahu
nancy pelosi
alexandria ocasio-cortez
ron desantis
greta thunberg
king charles
queen elizabeth
prince harry
prince william
meghan markle
kate middleton
princess diana
pope francis
dalai lama
# Business and technology
elon musk
mark zuckerberg
bill gates
jeff bezos
steve jobs
sam altman
# Actors, singers and other public figures
taylor swift
emma watson
scarlett johansson
jennifer lawrence
margot robbie
gal gadot
emma stone
natalie portman
angelina jolie
brad pitt
tom cruise
keanu reeves
leonardo dicaprio
johnny depp
amber heard
zendaya
ariana grande
billie eilish
selena gomez
miley cyrus
kim kardashian
kylie jenner
beyonce
rihanna
shakira
lady gaga
katy perry
jennifer lopez
dua lipa
olivia rodrigo
sabrina carpenter
sydney sweeney
jenna ortega
millie bobby brown
anya taylor-joy
elle fanning
dakota fanning
emma roberts
kristen stewart
megan fox
anne hathaway
jennifer aniston
sofia vergara
salma hayek
penelope cruz
monica bellucci
paris hilton
britney spears
justin bieber
kanye west
snoop dogg
oprah winfrey
ellen degeneres
morgan freeman
will smith
dwayne johnson
# Sports
cristiano ronaldo
lionel messi
neymar
lebron james
serena williams
simone biles
