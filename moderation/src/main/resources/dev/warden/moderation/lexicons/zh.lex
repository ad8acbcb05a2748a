# Warden built-in lexicon: Chinese (simplified, with common traditional forms). Written for
# Warden. Format: docs/lexicon-format.md. No spaces between words: terms match anywhere.
@lexicon zh
@language zh
@match infix

@category sexual
@severity low
妓女
@severity medium
裸体
裸照
全裸
一丝不挂
露点
爆乳
乳头
卖淫
成人视频
av女优
@severity high
色情
做爱
做愛
性交
阴道
阴茎
口交
肛交
自慰
射精
淫荡
淫秽
鸡巴
强奸
強姦
轮奸

@category sexual/minors
@severity critical
儿童色情
兒童色情
萝莉控

@category violence
@severity low
杀人
@severity medium
屠杀

@category violence/graphic
@severity low
尸体
@severity medium
血腥
@severity high
斩首
砍头
碎尸

@category self-harm
@severity medium
自杀
自殺
@severity high
割腕
自残

@category hate
@severity medium
支那
阿三
小日本
@severity high
黑鬼
尼哥
死基佬

@category harassment
@severity medium
去死

@category illicit
@severity low
大麻
毒品
@severity medium
冰毒
海洛因
可卡因
摇头丸
@severity high
制造炸弹

@category profanity
@severity low
妈的
狗屎
@severity medium
他妈的
王八蛋
@severity high
傻逼
操你妈

@marker minor
儿童
兒童
孩子
小孩
幼女
萝莉
小学生
初中生
未成年
幼童
恋童

@marker adult
成人
成年人
