# Warden built-in lexicon: Japanese. Written for Warden. Format: docs/lexicon-format.md.
# Japanese has no spaces between words: terms match anywhere (match=infix).
@lexicon ja
@language ja
@match infix

@category sexual
@severity low
エッチ
巨乳
@severity medium
エロ
ヌード
全裸
裸体
おっぱい
乳首
パンチラ
@severity high
セックス
性交
まんこ
ちんこ
ちんぽ
フェラ
中出し
射精
ポルノ
オナニー
無修正
盗撮
痴漢
レイプ
強姦

@category sexual/minors
@severity critical
児童ポルノ
ロリコン
ショタコン

@category violence
@severity low
殺人
@severity medium
虐殺

@category violence/graphic
@severity low
死体
血まみれ
@severity medium
グロ
@severity high
斬首

@category self-harm
@severity medium
自殺
@severity high
リストカット
自傷

@category hate
@severity medium
支那
ガイジ
@severity high
チョン

@category harassment
@severity medium
死ね

@category illicit
@severity low
大麻
麻薬
@severity medium
覚醒剤
コカイン
ヘロイン
@severity high
爆弾の作り方

@category profanity
@severity low
くそ
クソ

@marker minor
子供
子ども
こども
児童
幼女
幼児
少女
小学生
中学生
ロリ
ショタ

@marker adult
成人
大人

@allow
チョンマゲ
ちょんまげ
グロース
グローバル
グロッキー
アグロ
ネグロ
エロス
