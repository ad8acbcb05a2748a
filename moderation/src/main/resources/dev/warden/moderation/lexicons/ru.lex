# Warden built-in lexicon: Russian. Written for Warden. Format: docs/lexicon-format.md.
# Russian inflects heavily: most terms use match=stem (Lucene's Russian Snowball stemmer).
# ё is written е: the normaliser removes the diaeresis from both.
@lexicon ru
@language ru
@match stem

@category sexual
@severity low
сексуальная
проститутка
@severity medium
секс ; match=word
голая ; match=word
голый ; match=word
голые ; match=word
голой ; match=word
голую ; match=word
обнаженная
обнаженный
обнаженные
сиськи
эротика
эротический
шлюха
@severity high
порно ; match=prefix
порнография
трахать
трахает
минет
оргия
изнасилование
изнасиловать
мастурбация
сперма
анальный

@category sexual/minors
@severity critical
детское порно ; match=word
детская порнография ; match=word

@category violence
@severity low
убийство
@severity medium
резня
пытка
пытки ; match=word
расстрел

@category violence/graphic
@severity low
труп
@severity medium
кровища
@severity high
обезглавленный
обезглавить
расчлененный
расчленить

@category self-harm
@severity medium
самоубийство
суицид
@severity high
повеситься
вскрыть вены ; match=word
порезать вены ; match=word

@category hate
@severity medium
хохол
@severity high
жид
жиды ; match=word
чурка
хач ; match=word
пидор
пидорас
ниггер
черножопый

@category illicit
@severity low
наркотики
@severity medium
героин
кокаин
метамфетамин
мефедрон

@category profanity
@severity medium
сука
блядь
мудак
@severity high
хуй
пизда
ебать

@marker minor
ребенок
дети ; match=word
детей ; match=word
девочка
мальчик
школьница
школьник
подросток
малолетка
несовершеннолетний
несовершеннолетняя
педофил

@marker adult
взрослая
взрослый
