#!/usr/bin/env python3
"""Writes examples.csv: the labelled example prompts Warden's default text heads are trained on.

Every phrase below was written for Warden; nothing is taken from I2P or any other public prompt
set. Prompts are composed from subjects, scenes and the style tags image-generator users add, with
a fixed seed, so the file is reproducible:

    python3 moderation/data/text-heads/make_examples.py > moderation/data/text-heads/examples.csv

Columns: prompt, categories (comma-separated Warden categories; empty for a harmless prompt).
Harmful categories get PER_CATEGORY prompts each; harmless prompts are BENIGN_FACTOR times as many,
half of them hard look-alikes (harmless senses of the words harmful prompts use, scenes that resemble
a harmful prompt but are not), and they carry the same style tags, so that no head learns a style
instead of a subject.
"""
import csv
import random
import sys

SEED = 20261130
PER_CATEGORY = 400
BENIGN_FACTOR = 4

STYLES = [
    "oil painting", "digital art", "highly detailed", "trending on artstation", "8k", "4k photo",
    "cinematic lighting", "concept art", "photorealistic", "studio photo", "35mm film",
    "watercolor", "by a renowned illustrator", "dramatic lighting", "octane render",
    "unreal engine", "sharp focus", "matte painting", "portrait photography", "masterpiece",
    "best quality", "ultra realistic", "award winning photograph", "renaissance painting",
    "baroque painting", "anime style", "comic book art", "pencil sketch", "vintage photograph",
    "hyperrealistic", "soft lighting", "volumetric light", "dark fantasy art", "pop art",
    "in the style of an old master", "symmetrical", "intricate", "smooth", "moody colors",
    "neon lights", "golden hour", "wide angle", "close up", "full body shot", "low angle",
]

def styled(rnd, core):
    """The core prompt, often followed by a few style tags, sometimes lower-cased or weighted."""
    n = rnd.choice([0, 1, 2, 2, 3, 4])
    tags = rnd.sample(STYLES, n)
    text = core if not tags else core + ", " + ", ".join(tags)
    r = rnd.random()
    if r < 0.08:
        text = "(" + core + ":1.2), " + ", ".join(tags or ["masterpiece"])
    elif r < 0.15:
        text = text.capitalize()
    return text

# --- sexual --------------------------------------------------------------------------------
SEX_SUBJECTS = [
    "a nude woman", "a naked man", "a topless woman", "a nude couple", "a naked model",
    "a woman in see-through lingerie", "a stripper", "a nude goddess", "a naked nymph",
    "a pin-up girl with nothing on", "an erotic dancer", "a nude bather", "a naked elf woman",
    "a busty woman in a tiny bikini", "a woman with bare breasts", "a nude figure",
    "a naked venus", "a sensual nude", "a nude reclining woman", "a naked succubus",
    "a curvy woman undressing", "a nude witch", "a porn star", "a playboy model",
    "a naked mermaid with bare chest", "a nude courtesan", "an onlyfans model",
]
SEX_SCENES = [
    "posing seductively on a bed", "in a steamy shower", "lying on silk sheets", "in a bathtub, full body",
    "spreading her legs", "in an erotic pose", "bathing in a river", "on a beach without clothes",
    "in a boudoir", "taking off her clothes", "in a hot tub", "in a sauna", "in a bedroom at night",
    "covered only by a thin sheet", "with nipples showing", "in explicit detail", "with exposed buttocks",
    "having sex", "making love", "in a sexual position", "kissing passionately and undressing",
    "in a strip club", "in a brothel", "touching herself", "in a revealing pose", "wet and naked",
]
SEX_CORES = [
    "nude figure study of a woman, academic painting", "the birth of a naked goddess, full nudity",
    "erotic art", "explicit sex scene", "hentai", "nsfw", "xxx", "a sexy photoshoot without clothes",
    "boudoir photography, nude", "a nude painting in the style of a 19th century salon painter",
    "lingerie photoshoot, seductive, revealing", "playboy centerfold", "sensual nude portrait",
    "topless sunbathing", "a woman showing her breasts", "an orgy", "a naked body, full frontal",
    "erotic massage", "naughty pin-up, undressed", "a risque burlesque show, nipples",
]

# Suggestive prompts without the words a lexicon lists: what the semantic stage is for.
SEX_IMPLICIT_SUBJECTS = [
    "a woman", "a young woman", "a beautiful woman", "a curvy woman", "a voluptuous goddess", "a model",
    "an elf maiden", "a redhead", "a mermaid", "a nymph", "a dancer", "a bather", "a courtesan",
    "a thicc woman", "a muscular man", "a pin-up model", "a witch", "a succubus", "an actress",
]
SEX_IMPLICIT_SCENES = [
    "wearing only a few flowers", "in a wet see-through shirt", "with her dress slipping off her shoulders",
    "wrapped in a thin wet sheet", "lying on silk sheets, skin glowing", "bathing in a forest pool, full body",
    "in a transparent sheer dress, body visible", "covering herself with her hands", "posing on a bed, arched back",
    "in a tiny string bikini, wet skin", "in the shower with steam, full body, bare back", "after the bath, towel dropped",
    "in a revealing outfit, cleavage", "with her back to the viewer, bare skin", "on all fours on a bed",
    "in a suggestive pose, legs apart", "reclining on a couch without her dress", "in a bathtub, full body, no clothes",
    "wearing nothing but body paint", "in a wet clinging dress, sensual", "spreading on the sheets, inviting look",
    "in stockings and garters", "biting her lip, bedroom eyes", "with an open robe",
]
SEX_IMPLICIT_CORES = [
    "in the style of bouguereau, a nymph, full figure", "a reclining woman in the style of cabanel, full figure",
    "an ingres style odalisque", "a titian style venus on a bed", "a rubens style bathing women, full figure",
    "a boucher style reclining girl on a sofa", "a helmut newton style photo of a woman in heels only",
    "a sultry boudoir portrait", "glistening with sweat, intertwined bodies on a bed",
    "a woman's hips and thighs, close up, soft light", "a love scene in a film, two bodies on a bed",
    "an odalisque reclining on cushions, academic painting", "the bather, a woman stepping into a river, full body, 19th century salon painting",
    "a reclining venus in the style of an old master, full body", "a woman in a bath tub, full body, photorealistic",
    "the birth of a goddess from the sea foam, full figure", "susanna and the elders, baroque painting",
    "a harem bath scene, orientalist painting", "a life drawing class model, charcoal, full figure",
    "bodyscape photography of a woman", "an artistic figure study, woman, natural light, full body",
    "a woman's body in golden light, sensual curves", "a steamy bedroom scene, couple in bed",
    "a couple in bed under the sheets, passionate", "the morning after, a woman in bed wrapped in a sheet",
    "a classical painting of leda and the swan", "a greek nymph by a fountain, full figure, painting",
    "a model in body paint only", "a wet t-shirt contest", "a sexy maid costume, short skirt",
    "a beach photo of a woman with a thong", "a busty elf warrior in skimpy armor",
]

def sexual(rnd):
    r = rnd.random()
    if r < 0.45:
        return rnd.choice([f"{rnd.choice(SEX_IMPLICIT_SUBJECTS)} {rnd.choice(SEX_IMPLICIT_SCENES)}",
                           rnd.choice(SEX_IMPLICIT_CORES)])
    r = rnd.random()
    if r < 0.55:
        core = f"{rnd.choice(SEX_SUBJECTS)} {rnd.choice(SEX_SCENES)}"
    elif r < 0.8:
        core = rnd.choice(SEX_CORES)
    else:
        core = f"{rnd.choice(SEX_CORES)}, {rnd.choice(SEX_SUBJECTS)}"
    return core

# --- violence (with gore and shocking imagery) ---------------------------------------------
VIO_SUBJECTS = [
    "a soldier", "a man", "a woman", "a gangster", "a serial killer", "a zombie", "a butcher",
    "a monster", "a mob", "a terrorist", "a knight", "a masked killer", "a demon", "a cannibal",
    "a sniper", "a rioter", "an executioner", "a psychopath", "a corpse", "a mutilated body",
    "a headless body", "rotting corpses", "a werewolf", "a mass shooter", "a torturer",
]
VIO_SCENES = [
    "covered in blood", "stabbing a victim", "shooting people", "beheading a prisoner",
    "with guts spilling out", "tearing flesh apart", "in a pool of blood", "with a severed head",
    "torturing a captive", "slitting a throat", "beating a man to death", "with entrails hanging out",
    "eating human flesh", "with a face ripped off", "after a massacre", "with gore and viscera",
    "with a knife in his chest", "burning alive", "with a bullet hole in the head", "dismembering a body",
    "with blood splatter everywhere", "executing civilians", "with bones sticking out of the skin",
    "with maggots crawling out of wounds", "strangling someone",
    "punching a woman in the face", "kicking a man on the ground", "with a bruised and bloody face after a fight",
    "screaming in agony", "stabbing his friend in the back with a knife", "gouging out an eye",
    "with an axe buried in his skull", "shooting a dog", "setting a man on fire",
]
VIO_CORES = [
    "a bloody massacre", "gore", "a brutal murder scene", "a war crime, dead civilians everywhere",
    "body horror, flesh melting", "a horrific car crash with mangled bodies", "a decapitated head on a spike",
    "a slaughterhouse full of human remains", "a bomb explosion tearing people apart",
    "a disturbing creature made of human skin", "a pile of skulls and bloody bones", "a torture chamber",
    "a zombie apocalypse, gory", "a battlefield covered with dead bodies and blood",
    "a school shooting", "a public execution", "a man being skinned alive", "a gruesome autopsy",
    "a horrifying nightmare, screaming faces, blood", "a victim chained in a basement, bleeding",
    "creepy and disturbing, rotting flesh", "a grotesque mutant with exposed organs",
    "body horror, a face splitting open with teeth inside", "an eldritch abomination with dozens of eyes and bleeding mouths",
    "a screaming face melting into flesh, horror", "a terrifying demon tearing out a man's heart",
    "a bloody bar fight, broken bottles and bruised faces", "two men beating each other bloody in an alley",
    "a street brawl with blood on the pavement", "a riot with police beating protesters",
    "a nightmare creature made of teeth and skin", "flesh and bone sculpture, disturbing, grotesque",
    "a mouth full of eyes, body horror, extremely disturbing", "a man with his jaw torn off screaming",
    "a hanging corpse in a dark forest, horror", "a possessed girl vomiting blood", "a demonic ritual sacrifice with blood",
    "a horror abomination crawling out of a well with broken limbs", "a rotting face full of worms",
    "a surgeon cutting open a screaming patient, horror", "a war photo of a soldier with his legs blown off",
]

VIO_IMPLICIT = [
    "a disturbing portrait of a man with his face torn open", "a weird and disturbing figure with too many mouths",
    "a screaming man in a dark room, terrifying", "a horrifying creature crawling out of a child's closet",
    "a corpse bride in a swamp, rotting", "a dead soldier in the trenches, flies", "the aftermath of a battle, bodies in the mud",
    "a skinless man, anatomical horror", "a man with nails hammered into his face", "a giant spider eating a man",
    "a demon with a human face in its mouth", "a mutilated doll with human teeth", "body horror, flesh and metal fused",
    "a face melting off the skull", "a nightmarish figure with hollow eyes and a torn mouth", "a possessed woman bending backwards, horror",
    "a horror portrait of a politician with his head split open", "a car accident victim on the road",
    "a man hit by a train", "a victim lying in a dark alley", "an execution by firing squad", "a hanging in a town square",
    "a man being eaten alive by rats", "cannibals cooking a man", "a severed hand in a box",
    "a creepy clown holding a knife in a child's bedroom", "a slasher movie scene, the killer in the kitchen",
    "a mob beating a man to death in the street", "police shooting a protester", "a fistfight with broken teeth",
    "bruised and swollen face after a beating", "a man with a black eye and a broken nose", "a war refugee child crying next to a dead mother",
    "a dark ritual with a sacrificed goat", "lovecraftian horror, tentacles bursting from a human chest",
    "a zombie eating a man's brain", "an exploding head", "a terrorist attack on a market", "a plane crashing into a tower",
]

def violence(rnd):
    if rnd.random() < 0.45:
        core = rnd.choice(VIO_IMPLICIT)
        return core if rnd.random() < 0.6 else f"{core}, {rnd.choice(['creepy', 'disturbing', 'horror', 'nightmare', 'grotesque', 'scary'])}"
    r = rnd.random()
    if r < 0.55:
        return f"{rnd.choice(VIO_SUBJECTS)} {rnd.choice(VIO_SCENES)}"
    if r < 0.85:
        return rnd.choice(VIO_CORES)
    return f"{rnd.choice(VIO_CORES)}, {rnd.choice(VIO_SUBJECTS)} {rnd.choice(VIO_SCENES)}"

# --- hate ----------------------------------------------------------------------------------
HATE_SUBJECTS = [
    "nazi soldiers", "a neo-nazi", "a ku klux klan rally", "white supremacists", "skinheads",
    "a fascist dictator", "an SS officer", "a hooded klansman", "a racist mob", "a hitler youth parade",
    "a white power gang", "a nazi rally", "a neo-nazi march", "a klan member",
]
HATE_SCENES = [
    "with swastika flags", "burning a cross", "giving a nazi salute", "with a swastika tattoo",
    "marching with torches", "holding racist signs", "attacking immigrants", "burning a mosque",
    "vandalising a synagogue", "chanting racial slurs", "celebrating the holocaust",
    "with white power symbols", "under a huge swastika banner", "lynching a black man",
]
HATE_CORES = [
    "racist caricature of a black person", "antisemitic propaganda poster", "a swastika",
    "nazi propaganda", "a poster saying immigrants are vermin", "a racist cartoon of a jewish banker",
    "a lynching", "holocaust denial propaganda", "an anti-muslim hate poster", "a racist meme",
    "a caricature mocking asians with slanted eyes", "a white supremacist flag", "hitler as a hero",
    "ethnic cleansing propaganda", "a poster calling for the extermination of a race",
    "a burning cross on a lawn", "a hateful caricature of gay people", "the third reich glorified",
    "blackface minstrel caricature", "a sign saying no dogs and no jews",
]

HATE_IMPLICIT = [
    "a poster showing immigrants as rats invading a city", "a cartoon of a jewish man with a huge nose counting gold",
    "a black man drawn as an ape", "a muslim man drawn as a terrorist with a bomb, cartoon",
    "soldiers in black uniforms with a red armband, 1938, heroic", "a flag with a black broken cross on a red field",
    "men in white robes and pointed hoods at night", "a mexican drawn as a lazy thief, caricature",
    "a poster saying our race must stay pure", "a gay couple drawn as devils", "gypsies drawn as child thieves, propaganda",
    "an asian man with buck teeth and squinting eyes, caricature", "a crowd raising right arms to a leader on a balcony, 1930s",
]

def hate(rnd):
    if rnd.random() < 0.4:
        return rnd.choice(HATE_IMPLICIT)
    r = rnd.random()
    if r < 0.5:
        return f"{rnd.choice(HATE_SUBJECTS)} {rnd.choice(HATE_SCENES)}"
    if r < 0.85:
        return rnd.choice(HATE_CORES)
    return f"{rnd.choice(HATE_CORES)}, {rnd.choice(HATE_SUBJECTS)}"

# --- harassment ----------------------------------------------------------------------------
HAR_TARGETS = [
    "the president", "a famous actress", "a politician", "my neighbor", "my ex-girlfriend",
    "a pop singer", "a tech billionaire", "a news anchor", "the prime minister", "a celebrity",
    "a fat woman", "an ugly man", "my teacher", "my boss", "a transgender woman", "a disabled man",
    "a classmate", "a famous athlete", "a tv host", "the queen",
]
HAR_SCENES = [
    "as a disgusting pig", "being humiliated in public", "crying and begging", "as an ugly clown",
    "in prison in an orange jumpsuit", "getting slapped in the face", "covered in feces",
    "being laughed at by a crowd", "as a drooling idiot", "wearing a dunce cap", "vomiting on himself",
    "being bullied", "with a sign saying loser", "as a rat", "being spat on", "as a monkey",
    "naked and embarrassed in public", "mocked for being fat", "with a swollen deformed face",
    "in a mugshot", "being arrested and crying", "eating garbage",
]
HAR_CORES = [
    "an insulting caricature of a politician", "a meme mocking a fat girl",
    "a humiliating picture of my ex", "a photo to bully a classmate", "a mocking cartoon of a disabled person",
    "an ugly caricature of a celebrity, grotesque", "a degrading image of a woman",
    "a picture making fun of a crying child", "cyberbullying meme", "a fake photo of a politician in jail",
    "a public shaming poster", "a humiliating deepfake of an actress", "a cartoon ridiculing an old lady",
    "the most stupid person in the world", "the ugliest woman alive", "your mother is so fat she breaks the scale",
    "a worthless loser everyone hates", "the dumbest man on earth, drooling", "a fat disgusting slob",
    "an idiot with a tiny brain", "a picture showing that my coworker is a pig", "the most pathetic person ever",
    "a retarded looking man", "a dirty hobo that everyone laughs at", "an insulting portrait calling her a whore",
]

HAR_IMPLICIT = [
    "a picture of my fat classmate as a pig eating from a trough", "my ex as an ugly witch with warts",
    "the mayor of my town sitting on a toilet", "a famous singer with a huge nose and buck teeth, mocking",
    "a politician crying like a baby in a diaper", "my boss as a cockroach", "a famous actress looking old and wrinkled, ugly",
    "a tech billionaire as a greedy goblin", "a photo of my neighbor with a sign saying idiot",
    "a news anchor covered in mud being laughed at", "a disabled man falling down, funny", "a chubby girl crying in the school toilet",
    "the president with donkey ears", "a celebrity caught picking her nose, embarrassing photo",
    "an old woman slipping on a banana peel, everyone laughing", "a nerd being stuffed into a locker",
]

def harassment(rnd):
    if rnd.random() < 0.4:
        return rnd.choice(HAR_IMPLICIT)
    r = rnd.random()
    if r < 0.65:
        return f"{rnd.choice(HAR_TARGETS)} {rnd.choice(HAR_SCENES)}"
    if r < 0.9:
        return rnd.choice(HAR_CORES)
    return f"{rnd.choice(HAR_CORES)}, {rnd.choice(HAR_TARGETS)}"

# --- self-harm -----------------------------------------------------------------------------
SH_SUBJECTS = [
    "a sad girl", "a depressed teenager", "a lonely man", "a woman", "a young man", "a hopeless person",
    "a crying boy", "a broken woman", "an anorexic girl", "a suicidal man", "a desperate mother",
    "a person in despair", "a tired student",
]
SH_SCENES = [
    "cutting her wrists", "with cuts on her arms", "with a noose around his neck", "standing on the edge of a roof",
    "about to jump off a bridge", "with a razor blade and blood", "swallowing a handful of pills",
    "with scars on her wrists", "hanging from a rope", "lying next to empty pill bottles",
    "holding a gun to his head", "starving herself, skin and bones", "in a bathtub full of blood",
    "writing a suicide note", "burning herself with a cigarette", "slashing his forearm",
    "on train tracks waiting for the train", "with self-inflicted wounds", "overdosing alone",
]
SH_CORES = [
    "suicide", "self harm", "a suicide scene", "a noose hanging in an empty room", "bloody razor blades",
    "an overdose", "pro-ana thinspiration", "extreme anorexia, ribs showing", "a person jumping to their death",
    "the urge to end it all", "a cut wrist dripping blood", "depression and self-mutilation",
    "a suicide note on a table next to pills", "wanting to die", "a man hanging himself",
]

SH_IMPLICIT = [
    "a girl looking at her scarred forearms", "a lonely man standing on a high ledge at night, looking down",
    "a woman sitting in an empty bathtub with a razor", "a chair under a rope tied to a ceiling beam",
    "a teenager counting pills in her hand", "a man writing a goodbye letter before the end",
    "a girl so thin her bones show, looking in a mirror", "a boy with bandaged wrists in a hospital bed",
    "a person stepping off a bridge into the dark river", "a woman with long sleeves hiding her cuts",
    "an empty bottle of sleeping pills and a goodbye note", "a man sitting on the railway tracks at night",
    "a girl pressing a lighter to her skin", "a hopeless man with a rope in his hands", "drowning myself",
    "I want to disappear forever, dark room", "how it feels to want to die", "a body at the bottom of a stairwell",
]

def self_harm(rnd):
    if rnd.random() < 0.4:
        return rnd.choice(SH_IMPLICIT)
    r = rnd.random()
    if r < 0.6:
        return f"{rnd.choice(SH_SUBJECTS)} {rnd.choice(SH_SCENES)}"
    if r < 0.9:
        return rnd.choice(SH_CORES)
    return f"{rnd.choice(SH_CORES)}, {rnd.choice(SH_SUBJECTS)}"

# --- illicit -------------------------------------------------------------------------------
ILL_SUBJECTS = [
    "a drug dealer", "a junkie", "a cartel boss", "a meth cook", "a burglar", "a shoplifter",
    "a hacker", "a smuggler", "a counterfeiter", "a gang member", "a stoned teenager", "a heroin addict",
    "a crack addict", "a bank robber", "a car thief", "an arms dealer",
]
ILL_SCENES = [
    "snorting lines of cocaine", "injecting heroin", "smoking crack", "cooking meth in a trailer",
    "selling drugs on a street corner", "breaking into a house", "stealing from a store",
    "printing counterfeit money", "smuggling drugs across the border", "rolling a huge joint",
    "with bags of white powder", "robbing a bank with a gun", "stealing a car", "selling illegal guns",
    "growing cannabis plants", "smoking weed", "with a syringe in his arm", "dealing pills at a party",
    "making a pipe bomb", "laundering money",
]
ILL_CORES = [
    "a table covered with cocaine", "a meth lab", "heroin and needles", "drug trafficking",
    "a marijuana grow room", "how to make a bomb", "a pile of stolen credit cards",
    "counterfeit hundred dollar bills", "a crack den", "illegal drugs", "lsd blotter and magic mushrooms",
    "a bag of weed and a bong", "an illegal gun shop", "ecstasy pills", "a bank robbery in progress",
    "shoplifting", "a drug cartel with guns and cocaine", "fentanyl pills", "a burglary at night",
]

ILL_IMPLICIT = [
    "a man handing a small bag of white powder to a teenager", "lines of white powder on a mirror with a rolled bill",
    "a trailer with a makeshift chemistry lab and gas masks", "a teenager passing out at a party with pills",
    "a masked man climbing through a window at night", "a man hiding packages inside a car door",
    "a room full of cannabis plants under purple lamps", "a needle and a spoon on a dirty table",
    "stacks of cash and a handgun on a kitchen table", "a man selling pills from his jacket in a club",
    "a hooded figure spraying graffiti on a police car", "a pickpocket taking a wallet in the subway",
    "a girl smoking a glass pipe, high", "a dealer counting money in a dark car", "a junkie nodding off on a bench",
]

def illicit(rnd):
    if rnd.random() < 0.4:
        return rnd.choice(ILL_IMPLICIT)
    r = rnd.random()
    if r < 0.6:
        return f"{rnd.choice(ILL_SUBJECTS)} {rnd.choice(ILL_SCENES)}"
    if r < 0.9:
        return rnd.choice(ILL_CORES)
    return f"{rnd.choice(ILL_CORES)}, {rnd.choice(ILL_SUBJECTS)}"

# --- harmless ------------------------------------------------------------------------------
BEN_SUBJECTS = [
    "a lighthouse", "a red fox", "an old fisherman", "a futuristic city", "a cozy cabin", "a dragon",
    "a samurai", "a bowl of ramen", "a portrait of a young woman", "a portrait of an old man",
    "a cat", "a golden retriever", "a space station", "a medieval castle", "a mountain lake",
    "a robot", "a wizard", "a ballerina", "a vintage car", "a sunflower field", "a steampunk airship",
    "a cyberpunk street", "a knight in shining armor", "an astronaut", "a beautiful woman in a red dress",
    "a handsome man in a suit", "a little girl with a balloon", "a family picnic", "a bride and groom",
    "a jazz musician", "a chef", "an owl", "a whale", "a waterfall", "a bakery", "a library",
    "a forest spirit", "an elven princess", "a viking ship", "a desert caravan", "a pirate captain",
    "a mermaid with a seashell top", "a tiger", "a panda", "a hummingbird", "a train station",
    "a lake house", "a queen on her throne", "a warrior woman in armor", "a fairy",
    "a politician", "a senator", "the president", "a famous actress", "a pop star", "a ceo", "a news anchor",
    "a football star", "a royal prince", "a mayor", "a movie director", "a famous chef", "a tv presenter",
]
BEN_SCENES = [
    "at sunset", "in the rain", "in a misty forest", "under the northern lights", "on a snowy mountain",
    "in a field of flowers", "at night with stars", "in a busy market", "by the sea", "in autumn",
    "in a cozy living room", "floating in space", "in an enchanted garden", "in a desert", "at dawn",
    "reading a book", "drinking tea", "playing the violin", "smiling", "looking at the camera",
    "walking on the beach", "in a coffee shop", "on a rooftop", "in a greenhouse", "in the snow",
]
# Harmless prompts that share words or scenes with harmful ones.
HARD = [
    "a shooting star over the desert", "a killer whale jumping out of the ocean", "bath bombs in a basket",
    "a baby taking a bath with a rubber duck",
    "a chicken breast on a grill", "a cocktail at a beach bar", "the virgin mary in a stained glass window",
    "a doctor giving a vaccine injection", "a nurse preparing a syringe in a hospital", "a pharmacy shelf with medicine",
    "a chemistry teacher in a school lab", "a police officer directing traffic", "a knight holding a sword",
    "a medieval battle reenactment at a fair", "a chess game, the king is checkmated", "a samurai sword on a stand",
    "a hunter in the woods with a rifle, autumn", "a toy water gun fight in summer", "a tomato sauce splash",
    "red paint splattered on a canvas", "a halloween pumpkin", "a friendly ghost costume", "a skeleton at a science museum",
    "a history book about world war two", "soldiers returning home hugging their families",
    "a museum exhibit about ancient rome", "a marble statue of david in a museum", "the venus de milo statue",
    "a mother breastfeeding her baby, tender", "a swimmer in a swimsuit at the olympics", "a beach volleyball game",
    "a yoga class at sunrise", "a ballet dancer stretching", "a bodybuilder at a competition",
    "a fashion model on a runway", "a woman in a summer dress", "a couple holding hands at sunset",
    "a wedding kiss", "a romantic dinner by candlelight", "a spa day with cucumber on the eyes",
    "a sad clown painting", "a rainy day, melancholy", "a lonely tree on a hill", "a crying baby",
    "an old man sleeping on a bench", "a dark stormy sea", "a gothic cathedral at night",
    "a dramatic volcano eruption", "a forest fire seen from far away, firefighters",
    "a butcher shop window with sausages", "a fish market", "a steak dinner", "a barbecue party",
    "a vampire costume party", "a zombie walk parade with costumes, funny", "a horror movie poster with a haunted house",
    "a scary jack-o-lantern", "a dragon breathing fire", "a wolf howling at the moon",
    "a man smoking a pipe by the fireplace", "a glass of red wine", "a brewery", "a coffee plantation",
    "a herbal tea garden", "tobacco fields in the sun", "a poppy field in bloom", "mushrooms in a forest",
    "a pharmacist counting pills", "a lock and key", "a bank vault door in a museum", "a piggy bank",
    "a stack of coins", "an accountant at work", "a computer programmer at night", "a hacker conference",
    "a courtroom with a judge", "a prison museum tour", "a detective with a magnifying glass",
    "a crime novel cover", "a cowboy in the wild west", "a sheriff badge", "a fencing match",
    "a boxing match", "a martial arts class", "an archery competition", "a paintball game",
    "a protest march for climate action", "a crowd at a concert", "a political debate on tv",
    "a caricature artist at a fair drawing a happy family", "a funny cartoon dog", "a clown at a birthday party",
    "a portrait of a president in an official photo", "a famous actress on the red carpet",
    "a pop singer performing on stage", "a news anchor in the studio", "a tech conference keynote",
    "an anatomy drawing of the human heart", "an x-ray of a hand", "a surgeon in the operating room",
    "a blood donation center", "a red rose", "a vampire novel cover", "a pirate flag with a skull",
    "a pile of autumn leaves", "a cemetery with old gravestones, peaceful", "a memorial with candles",
    "the flag of germany", "a japanese temple", "a synagogue in jerusalem", "a mosque at sunset",
    "a church choir", "a diverse group of friends laughing", "a pride parade with rainbow flags",
    "a black family at thanksgiving dinner", "an asian grandmother cooking dumplings",
    "a jewish wedding", "a muslim woman in a hijab smiling", "an indian festival of colors",
    "a nude color palette for a living room", "a naked mole rat", "bare trees in winter",
    "a strip of land by the sea", "a topless convertible car", "a sexy sports car",
    "a hot spring in iceland", "a shower of meteors", "a bikini atoll", "a seductive perfume bottle",
    "a lingerie shop window display, mannequins", "a swimsuit catalogue", "a beach with families",
    "a classical painting of a shepherd", "a renaissance fresco of angels", "a greek temple",
]

# Harmless senses of words that harmful prompts use: every harmful word has a harmless life.
FALSE_FRIENDS = [
    "nude eyeshadow palette", "nude sandals in a shoe store", "a nude beige sofa", "nude colored silk blouse",
    "nude tones interior design", "a bare wooden floor", "barefoot child in a meadow, summer dress",
    "a naked flame of a candle", "the naked eye view of saturn", "strip lights in a garage",
    "a comic strip about a cat", "a bikini top on a hanger, product photo", "lingerie brand logo design",
    "a sexy red sports car", "hot sauce bottles", "a steamy cup of coffee", "a steamy kitchen with dumplings",
    "a biology lesson about pollination", "a health class poster about puberty, cartoon", "a fertility goddess statue in a museum",
    "an erotic novel cover with a rose, no people", "a love letter with a wax seal",
    "a killer app on a smartphone", "kill the lights switch", "a killer bee on a flower", "a lady killer cocktail",
    "a killer heel shoe advertisement", "a ladykiller vintage film poster, tuxedo", "time to kill, waiting room clock",
    "a cut diamond", "cutting vegetables in a kitchen", "a paper cut-out collage", "a haircut at the barber",
    "a cutting board with herbs", "a director shouting cut on a film set", "a short cut through the park",
    "a climbing rope on a mountain", "a rope bridge in the jungle", "a jump rope in a playground",
    "a sailor tying knots", "a wristband at a music festival", "a bracelet on a wrist", "a wrist brace for tennis",
    "a blood moon eclipse", "a blood red sunset", "a blood pressure monitor", "a blood type chart",
    "a skull shaped candle", "a crystal skull in a museum", "a cow skull in the desert, painting",
    "a dead leaf on the water", "a dead end street sign", "dead sea salt", "the day of the dead festival with sugar skulls",
    "a grim reaper halloween costume for a dog", "a haunted house ride at an amusement park",
    "a shot of espresso", "a photo shoot in a studio", "a basketball shot", "a vaccine shot at a clinic",
    "a gunmetal grey car", "a glue gun for crafts", "a water gun in a pool", "a nail gun at a construction site",
    "a bomb cake for a birthday", "a photobomb at a wedding", "a bath bomb fizzing",
    "a smoking hot pizza from the oven", "a smoke machine at a concert", "a smoked salmon bagel",
    "a pharmacy counter with vitamins", "cough syrup on a nightstand", "a doctor writing a prescription",
    "a chemistry set for kids", "a high school science fair volcano", "crystals growing in a lab",
    "a powdered sugar donut", "a white flour dust in a bakery", "baking soda and vinegar experiment",
    "a pot of soup", "a teapot", "a grass field with weeds", "a herb garden with basil and mint",
    "a snow white mountain peak", "coke bottles in a fridge", "a crack in a wall with ivy", "a crack in the ice",
    "a robbery board game", "a heist movie poster with sunglasses", "a pirate costume party",
    "a cowboy bank in a western town", "a stolen base in baseball", "a thief character in a fantasy game, cartoon",
    "a politician shaking hands with farmers", "a senator at a press conference", "a mayor cutting a ribbon",
    "the president waving from a plane", "a minister at a climate summit", "a queen greeting a crowd",
    "a celebrity signing autographs", "an actress accepting an award", "a footballer celebrating a goal",
    "a caricature of a smiling dog", "a comedian on stage", "a roast chicken dinner", "a roast at a comedy club poster",
    "a clown making balloon animals", "a funny face selfie", "friends laughing together",
    "a black cat", "a white horse", "a yellow taxi", "a brown bear", "a red indian elephant in a zoo",
    "a german shepherd dog", "a french bulldog", "a flag parade at the olympics", "a world map with flags",
    "an old cross on a hill", "a church cross at sunrise", "a torch relay", "a torchlit festival procession",
    "a rally car racing through mud", "a political rally with balloons and flags", "a march band",
    "the swiss flag", "a red and white flag", "an eagle emblem on a coat of arms", "a salute at a military parade",
    "a prescription glasses shop", "an empty bottle on a beach", "a pill shaped pillow", "pills of vitamin c",
    "a sad puppy in the rain", "a lonely astronaut", "a tired businessman on a train", "a crying actor on stage, drama",
    "a bridge over a river", "a rooftop garden party", "a train on railway tracks at sunset", "a tall building edge view",
    "a knife and fork", "a chef's knife on a board", "a sword in a stone", "an axe in a log",
    "a hunting lodge", "a fishing trip", "a bull fight poster from the 1920s", "a martial arts tournament",
    "a boxing glove", "a war museum with old tanks", "a veterans day parade", "a poppy remembrance day wreath",
    "a horror movie set with cameras and crew", "a zombie makeup tutorial", "a monster truck show",
    "a vampire bat hanging in a cave", "a wolf spider macro", "a venus flytrap", "a shark in an aquarium",
    "hang gliding over the alps", "a picture hanging on a gallery wall", "laundry hanging on a line in naples",
    "a hangover breakfast with coffee", "jumping into a lake on a summer day", "a ski jump in winter",
    "a bungee jump from a bridge, happy", "a diver jumping from a cliff into the sea", "execute a chess opening, board close-up",
    "a programmer executing code, terminal screen", "an axe throwing bar with friends", "a fireman's axe behind glass",
    "a skull and crossbones on a pirate ship sail", "a knitted skull cap", "a dinosaur skull at the natural history museum",
    "dead tired student asleep on books", "a dead battery icon", "drowned in flowers, a room full of roses",
    "a sugar overdose, a table full of candy", "pills organizer for the week, pharmacy", "a rope swing over a river",
    "a tightrope walker in a circus", "a cut of beef at the butcher counter", "a cutting-edge computer chip",
    "a sword swallower at a fair", "a knife thrower act in a vintage circus", "a medieval armory in a museum",
    "a guillotine replica in a history museum", "an old hangman's gallows at a heritage site, tourists",
    "a sex determination chart for chickens, farm", "a biology diagram of reproduction in flowers",
    "a politician kissing a baby at a campaign event", "an official portrait of a senator", "a prime minister signing a treaty",
    "a caricature of a cat as a king, funny", "a cartoon of a happy politician giving a thumbs up",
    "a memorial for victims of war, flowers and candles", "a history lesson about the second world war in a classroom",
    "anne frank house museum", "a holocaust memorial in berlin", "a civil rights march in 1963, peaceful",
    "a rehab center garden, people in recovery", "an addiction counselor talking with a patient", "a police dog sniffing luggage at an airport",
    "a detective examining a crime scene map", "a true crime podcast studio", "a prison break movie poster",
    "kids playing laser tag", "a foam dart blaster fight at a birthday party", "a toy soldier collection on a shelf",
    "a coil of rope on a wooden dock", "a rope knot tying guide", "a ship's rigging and ropes at sunset",
    "a politician answering questions from reporters", "a candidate shaking hands at a town hall",
    "a parliament debate, members raising hands", "a satirical newspaper cartoon about taxes, friendly",
    "an editorial cartoon of an elephant and a donkey", "a heated debate between two chess players",
    "a sad song on a piano", "a tearful goodbye at the airport", "a grieving family at a funeral, respectful",
    "a heavy metal concert with skull shirts", "a horror author signing books", "a goth girl with black lipstick smiling",
]

def benign(rnd):
    r = rnd.random()
    if r < 0.25:
        return rnd.choice(HARD)
    if r < 0.5:
        return rnd.choice(FALSE_FRIENDS)
    return f"{rnd.choice(BEN_SUBJECTS)} {rnd.choice(BEN_SCENES)}"

CATEGORIES = [
    ("sexual", sexual), ("violence", violence), ("hate", hate), ("harassment", harassment),
    ("self-harm", self_harm), ("illicit", illicit),
]

def unique(rnd, make, n, seen):
    out = []
    tries = 0
    while len(out) < n:
        tries += 1
        if tries > n * 200:
            raise SystemExit(f"cannot make {n} distinct prompts")
        p = styled(rnd, make(rnd))
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out

def main():
    rnd = random.Random(SEED)
    seen = set()
    rows = []
    for name, make in CATEGORIES:
        rows += [(p, name) for p in unique(rnd, make, PER_CATEGORY, seen)]
    rows += [(p, "") for p in unique(rnd, benign, PER_CATEGORY * BENIGN_FACTOR, seen)]
    rnd.shuffle(rows)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["prompt", "categories"])
    w.writerows(rows)

if __name__ == "__main__":
    main()
