#!/usr/bin/env python3
"""Regenerate the bundled English->French mini corpus.

Output: seq2seq_lib/resources/corpus/fra-eng-mini.txt

The corpus was written for the seq2seq-book project (CC0 1.0, see the
LICENSE.md next to the output file). Most pairs are hand-written in the
HAND_WRITTEN block below; a small template section (ADJECTIVES) adds
the "I'm tired." / "She's tired." / "Are you tired?" family of sentences,
which shows French adjective agreement across persons and genders.

Format of the output: one pair per line, ``English<TAB>French``, UTF-8,
sorted (stably) by the length of the English sentence, like the
Tatoeba/manythings release. An English sentence with several French
translations appears on several consecutive lines.

The script is deterministic: running it again rewrites the file byte for
byte. Usage (from the repository root or anywhere else)::

    python tools/make_corpus.py
"""

from pathlib import Path

OUT = (Path(__file__).resolve().parent.parent
       / "seq2seq_lib" / "resources" / "corpus" / "fra-eng-mini.txt")

# ---------------------------------------------------------------------------
# Hand-written pairs: "English | French | French ..." (one English sentence
# with one or more French translations). Lines starting with '#' are
# section comments.
# ---------------------------------------------------------------------------
HAND_WRITTEN = """
# --- Greetings, politeness, short answers ---
Go. | Va !
Hi. | Salut.
Hi! | Salut !
Run! | Cours ! | Courez !
Wait! | Attends ! | Attendez !
Stop! | Arrête ! | Arrêtez ! | Stop !
Help! | À l'aide ! | Au secours !
Jump. | Saute. | Sautez.
Hurry! | Dépêche-toi ! | Dépêchez-vous !
Hello! | Bonjour ! | Salut !
Hello. | Bonjour.
Thanks. | Merci.
Thank you. | Merci.
Thank you very much. | Merci beaucoup.
Thanks a lot. | Merci beaucoup. | Merci bien.
Welcome! | Bienvenue !
Goodbye! | Au revoir !
Bye! | Salut ! | Au revoir !
See you soon. | À bientôt.
See you tomorrow. | À demain.
See you later. | À plus tard.
See you on Monday. | À lundi.
See you on Saturday. | À samedi.
Good morning. | Bonjour.
Good evening. | Bonsoir.
Good night. | Bonne nuit.
Good luck! | Bonne chance !
Have fun! | Amuse-toi bien ! | Amusez-vous bien !
Cheers! | Santé ! | À la vôtre !
Sorry. | Désolé. | Désolée. | Pardon.
I'm sorry. | Je suis désolé. | Je suis désolée.
Excuse me. | Excusez-moi. | Pardon.
Pardon? | Pardon ?
No problem. | Pas de problème.
You're welcome. | De rien. | Je vous en prie.
Don't mention it. | Il n'y a pas de quoi.
Of course. | Bien sûr.
Yes. | Oui.
No. | Non.
Maybe. | Peut-être.
OK. | D'accord.
All right. | D'accord. | Très bien.
Great! | Génial ! | Super !
Perfect! | Parfait !
Exactly! | Exactement !
Oh no! | Oh non !
Enough! | Assez ! | Ça suffit !
Well done! | Bien joué ! | Bravo !
Please. | S'il te plaît. | S'il vous plaît.
Yes, please. | Oui, s'il vous plaît. | Oui, s'il te plaît.
No, thanks. | Non, merci.
Yes, I know. | Oui, je sais.
Really? | Vraiment ?
Why? | Pourquoi ?
Why not? | Pourquoi pas ?
Who? | Qui ?
What? | Quoi ?
When? | Quand ?
Where? | Où ?
How? | Comment ?
How much? | Combien ?
Me too. | Moi aussi.
Me neither. | Moi non plus.
Not me. | Pas moi.
Not bad. | Pas mal.
Not yet. | Pas encore.
Not now. | Pas maintenant.
Not at all. | Pas du tout.
No way! | Pas question !
I see. | Je vois.
I know. | Je sais.
I agree. | Je suis d'accord.
I understand. | Je comprends.
I don't know. | Je ne sais pas.
I don't understand. | Je ne comprends pas.
Nice to meet you. | Enchanté. | Enchantée.
How are you? | Comment vas-tu ? | Comment allez-vous ? | Comment ça va ?
I'm fine. | Je vais bien. | Ça va.
I'm fine, thanks. | Je vais bien, merci.
And you? | Et toi ? | Et vous ?
What's your name? | Comment t'appelles-tu ? | Comment vous appelez-vous ?
My name is Tom. | Je m'appelle Tom.
My name is Mary. | Je m'appelle Marie.
Happy birthday! | Joyeux anniversaire !
Merry Christmas! | Joyeux Noël !
Happy New Year! | Bonne année !
Congratulations! | Félicitations !
Take care. | Prends soin de toi. | Prenez soin de vous.
Enjoy your meal! | Bon appétit !
Have a nice day. | Bonne journée.
Sleep well. | Dors bien. | Dormez bien.
Just a moment. | Un instant. | Un moment.
After you. | Après vous. | Après toi.
Never mind. | Ça ne fait rien. | Laisse tomber.
It's nothing. | Ce n'est rien.
Anything else? | Autre chose ?
Ready? | Prêt ? | Prête ? | Prêts ?
Ready, set, go! | À vos marques, prêts, partez !
Any questions? | Des questions ?
Is that all? | C'est tout ?
How nice! | Comme c'est gentil !
How beautiful! | Comme c'est beau !
What a pity! | Quel dommage !
What a surprise! | Quelle surprise !
What a beautiful day! | Quelle belle journée !
Too bad. | Dommage.
Warning: wet floor. | Attention : sol mouillé.
Rule number one: never lie. | Règle numéro un : ne jamais mentir.

# --- Commands and requests ---
Come in. | Entre. | Entrez.
Sit down. | Assieds-toi. | Asseyez-vous.
Stand up. | Lève-toi. | Levez-vous.
Come here. | Viens ici. | Venez ici.
Come with me. | Viens avec moi. | Venez avec moi.
Come tomorrow. | Viens demain. | Venez demain.
Go away! | Va-t'en ! | Allez-vous-en !
Get out! | Sors ! | Sortez !
Listen. | Écoute. | Écoutez.
Listen to me. | Écoute-moi. | Écoutez-moi.
Look at me. | Regarde-moi. | Regardez-moi.
Look out! | Attention !
Be careful. | Sois prudent. | Sois prudente. | Soyez prudent.
Be careful! | Fais attention ! | Faites attention !
Follow me. | Suis-moi. | Suivez-moi.
Help me. | Aide-moi. | Aidez-moi.
Call me. | Appelle-moi. | Appelez-moi.
Tell me. | Dis-moi. | Dites-moi.
Tell me the truth. | Dis-moi la vérité. | Dites-moi la vérité.
Trust me. | Fais-moi confiance. | Faites-moi confiance.
Ask Tom. | Demande à Tom. | Demandez à Tom.
Open the door. | Ouvre la porte. | Ouvrez la porte.
Close the door. | Ferme la porte. | Fermez la porte.
Open the window. | Ouvre la fenêtre. | Ouvrez la fenêtre.
Turn left. | Tourne à gauche. | Tournez à gauche.
Turn right. | Tourne à droite. | Tournez à droite.
Be quiet. | Tais-toi. | Taisez-vous.
Calm down. | Calme-toi. | Calmez-vous.
Relax. | Détends-toi. | Détendez-vous.
Be nice. | Sois gentil ! | Soyez gentil ! | Sois gentille !
Be patient. | Sois patient. | Sois patiente. | Soyez patient.
Be brave. | Sois courageux. | Sois courageuse. | Soyez courageux.
Be happy. | Sois heureux. | Sois heureuse.
Don't worry. | Ne t'inquiète pas. | Ne vous inquiétez pas.
Don't move! | Ne bouge pas ! | Ne bougez pas !
Don't go. | Ne pars pas. | Ne partez pas.
Don't cry. | Ne pleure pas. | Ne pleurez pas.
Don't run. | Ne cours pas. | Ne courez pas.
Don't touch that. | Ne touche pas à ça. | Ne touchez pas à ça.
Don't forget. | N'oublie pas. | N'oubliez pas.
Don't be late. | Ne sois pas en retard. | Ne soyez pas en retard.
Don't be sad. | Ne sois pas triste. | Ne soyez pas triste.
Don't be afraid. | N'aie pas peur. | N'ayez pas peur.
Don't do that. | Ne fais pas ça. | Ne faites pas ça.
Don't say that. | Ne dis pas ça. | Ne dites pas ça.
Wait for me. | Attends-moi. | Attendez-moi.
Wait here. | Attends ici. | Attendez ici.
Let's go! | Allons-y ! | On y va !
Let's go home. | Rentrons à la maison.
Let's eat. | Mangeons.
Let's try again. | Essayons encore. | Réessayons.
Let's dance. | Dansons.
Let's take a break. | Faisons une pause.
Let's have lunch. | Allons déjeuner.
Let's go to the beach. | Allons à la plage.
Let's go to the movies. | Allons au cinéma.
Let me see. | Laisse-moi voir. | Voyons voir.
Let me help you. | Laisse-moi t'aider. | Laissez-moi vous aider.
Let me go! | Laisse-moi partir ! | Lâche-moi !
Let me think. | Laisse-moi réfléchir.
Sit here. | Assieds-toi ici. | Asseyez-vous ici.
Eat. | Mange. | Mangez.
Drink some water. | Bois de l'eau. | Buvez de l'eau.
Read this. | Lis ceci. | Lisez ceci.
Write it down. | Écris-le. | Écrivez-le.
Try it. | Essaie. | Essayez.
Try again. | Essaie encore. | Réessayez.
Do it now. | Fais-le maintenant. | Faites-le maintenant.
Answer me. | Réponds-moi. | Répondez-moi.
Speak slowly. | Parle lentement. | Parlez lentement.
Smile. | Souris. | Souriez.
Stay here. | Reste ici. | Restez ici.
Go home. | Rentre chez toi. | Rentrez chez vous.
Go to bed. | Va au lit. | Allez au lit. | Va te coucher.
Get up. | Lève-toi. | Levez-vous.
Wake up! | Réveille-toi ! | Réveillez-vous !
Take it. | Prends-le. | Prenez-le.
Give me that. | Donne-moi ça. | Donnez-moi ça.
Show me. | Montre-moi. | Montrez-moi.
Keep going. | Continue. | Continuez.
Forget it. | Laisse tomber. | Oublie ça.
Leave me alone. | Laisse-moi tranquille. | Laissez-moi tranquille.
Wash your hands. | Lave-toi les mains. | Lavez-vous les mains.
Brush your teeth. | Brosse-toi les dents.
Take off your shoes. | Enlève tes chaussures. | Enlevez vos chaussures.
Turn off the light. | Éteins la lumière. | Éteignez la lumière.
Clean your room. | Range ta chambre.
Do your homework. | Fais tes devoirs.
Repeat after me. | Répète après moi. | Répétez après moi.
Close your eyes. | Ferme les yeux. | Fermez les yeux.
Count to ten. | Compte jusqu'à dix. | Comptez jusqu'à dix.
Pass me the salt. | Passe-moi le sel. | Passez-moi le sel.
Take me to the airport. | Emmène-moi à l'aéroport. | Emmenez-moi à l'aéroport.

# --- I am / you are / he is ... (see also ADJECTIVES below) ---
I'm hungry. | J'ai faim.
I'm thirsty. | J'ai soif.
I'm cold. | J'ai froid.
I'm hot. | J'ai chaud.
I'm sleepy. | J'ai sommeil.
I'm scared. | J'ai peur.
I'm right. | J'ai raison.
I'm wrong. | J'ai tort.
I'm lucky. | J'ai de la chance.
I'm bored. | Je m'ennuie.
I'm home. | Je suis à la maison. | Je suis chez moi.
I'm here. | Je suis ici. | Je suis là.
I'm coming. | J'arrive. | Je viens.
I'm leaving. | Je pars. | Je m'en vais.
I'm working. | Je travaille.
I'm eating. | Je mange.
I'm reading. | Je lis.
I'm waiting. | J'attends.
I'm kidding. | Je rigole. | Je plaisante.
I'm a student. | Je suis étudiant. | Je suis étudiante.
I'm a teacher. | Je suis professeur. | Je suis enseignant. | Je suis enseignante.
I'm a doctor. | Je suis médecin.
I'm a nurse. | Je suis infirmier. | Je suis infirmière.
I'm French. | Je suis français. | Je suis française.
I'm American. | Je suis américain. | Je suis américaine.
I'm from Paris. | Je viens de Paris.
I'm from Canada. | Je viens du Canada.
I'm twenty. | J'ai vingt ans.
I'm 18 years old. | J'ai 18 ans.
I'm at home. | Je suis à la maison.
I'm at school. | Je suis à l'école.
I'm in Paris. | Je suis à Paris.
I'm on my way. | Je suis en route. | J'arrive.
I'm in a hurry. | Je suis pressé. | Je suis pressée.
I'm in love. | Je suis amoureux. | Je suis amoureuse.
I'm not naive. | Je ne suis pas naïf. | Je ne suis pas naïve.
I'm busy today. | Je suis occupé aujourd'hui. | Je suis occupée aujourd'hui.
I'm so happy! | Je suis si heureux ! | Je suis si heureuse !
I'm very tired. | Je suis très fatigué. | Je suis très fatiguée.
I'm glad to see you. | Je suis content de te voir. | Je suis contente de te voir. | Je suis content de vous voir.
I'm proud of you. | Je suis fier de toi. | Je suis fière de toi. | Je suis fier de vous.
I'm not hungry. | Je n'ai pas faim.
I'm not afraid. | Je n'ai pas peur.
I'm not a child. | Je ne suis pas un enfant. | Je ne suis pas une enfant.
I'm not lying. | Je ne mens pas.
I feel good. | Je me sens bien.
I feel sick. | Je me sens malade. | Je ne me sens pas bien.
I feel lonely. | Je me sens seul. | Je me sens seule.
You're right. | Tu as raison. | Vous avez raison.
You're wrong. | Tu as tort. | Vous avez tort.
You're lucky. | Tu as de la chance. | Vous avez de la chance.
You're kidding! | Tu plaisantes ! | Vous plaisantez !
You're my friend. | Tu es mon ami. | Tu es mon amie.
You're my best friend. | Tu es mon meilleur ami. | Tu es ma meilleure amie.
You're very kind. | Tu es très gentil. | Tu es très gentille. | Vous êtes très gentil.
You're not alone. | Tu n'es pas seul. | Tu n'es pas seule. | Vous n'êtes pas seuls.
You look tired. | Tu as l'air fatigué. | Tu as l'air fatiguée. | Vous avez l'air fatigué.
He's my brother. | C'est mon frère.
She's my sister. | C'est ma sœur.
He's my friend. | C'est mon ami.
He's a doctor. | Il est médecin.
She's a teacher. | Elle est professeur. | Elle est enseignante.
She's very pretty. | Elle est très jolie.
He's tall. | Il est grand.
She's tall. | Elle est grande.
He's short. | Il est petit.
He's sleeping. | Il dort.
She's sleeping. | Elle dort.
He's working. | Il travaille.
He's at home. | Il est à la maison. | Il est chez lui.
She's at school. | Elle est à l'école.
He's at the hospital. | Il est à l'hôpital.
He's not here. | Il n'est pas là. | Il n'est pas ici.
She's not here. | Elle n'est pas là.
He's twelve. | Il a douze ans.
She's ten years old. | Elle a dix ans.
He's hungry. | Il a faim.
She's cold. | Elle a froid.
He's right. | Il a raison.
He's French. | Il est français.
She's from Italy. | Elle vient d'Italie.
Tom is here. | Tom est là. | Tom est ici.
Tom is my friend. | Tom est mon ami.
Tom is taller than me. | Tom est plus grand que moi.
Tom is sleeping. | Tom dort.
Mary is my sister. | Marie est ma sœur.
Mary is older than Tom. | Marie est plus âgée que Tom.
We're here. | Nous sommes ici. | Nous sommes là. | On est là.
We're home. | Nous sommes à la maison.
We're friends. | Nous sommes amis. | Nous sommes amies.
We're hungry. | Nous avons faim. | On a faim.
We're leaving. | Nous partons. | On s'en va.
We're students. | Nous sommes étudiants. | Nous sommes étudiantes.
We're on vacation. | Nous sommes en vacances.
We're not ready yet. | Nous ne sommes pas encore prêts. | Nous ne sommes pas encore prêtes.
They're here. | Ils sont là. | Elles sont là.
They're friends. | Ils sont amis. | Elles sont amies.
They're my parents. | Ce sont mes parents.
They're students. | Ils sont étudiants. | Elles sont étudiantes.
They're hungry. | Ils ont faim. | Elles ont faim.
They're sleeping. | Ils dorment. | Elles dorment.
They're at school. | Ils sont à l'école. | Elles sont à l'école.
They're not here. | Ils ne sont pas là. | Elles ne sont pas là.

# --- It is / this is / that is ---
It's me. | C'est moi.
It's you. | C'est toi. | C'est vous.
It's mine. | C'est à moi. | C'est le mien. | C'est la mienne.
It's free. | C'est gratuit.
It's new. | C'est nouveau. | C'est neuf.
It's OK. | Ça va. | C'est bon.
It's true. | C'est vrai.
It's easy. | C'est facile.
It's hard. | C'est difficile. | C'est dur.
It's late. | Il est tard.
It's time. | C'est l'heure.
It's time to go. | Il est temps de partir. | C'est l'heure de partir.
It's my fault. | C'est ma faute.
It's not my fault. | Ce n'est pas ma faute.
It's too late. | C'est trop tard. | Il est trop tard.
It's too expensive. | C'est trop cher.
It's beautiful. | C'est beau.
It's delicious. | C'est délicieux.
It's important. | C'est important.
It's impossible. | C'est impossible.
It's a secret. | C'est un secret.
It's for you. | C'est pour toi. | C'est pour vous.
It's broken. | C'est cassé.
It's closed. | C'est fermé.
It's ready. | C'est prêt.
It's over. | C'est fini.
It's strange. | C'est étrange. | C'est bizarre.
It's my turn. | C'est mon tour. | C'est à moi.
It's not a problem. | Ce n'est pas un problème.
It's not far. | Ce n'est pas loin.
It's over there. | C'est là-bas.
It doesn't matter. | Ça n'a pas d'importance. | Peu importe.
It doesn't work. | Ça ne marche pas.
That's right. | C'est exact. | C'est juste.
That's good. | C'est bien.
That's great! | C'est génial !
That's too bad. | C'est dommage.
That's enough. | Ça suffit.
That's all. | C'est tout.
That's funny. | C'est drôle.
That's a good idea. | C'est une bonne idée.
That's not true. | Ce n'est pas vrai.
That's not fair. | Ce n'est pas juste.
This is my house. | C'est ma maison. | Voici ma maison.
This is my car. | C'est ma voiture.
This is my family. | Voici ma famille.
This is my wife. | Voici ma femme. | C'est ma femme.
This is my son. | Voici mon fils.
This is Tom. | Voici Tom. | C'est Tom.
This is a pen. | C'est un stylo.
This is my first time. | C'est la première fois.
This book is mine. | Ce livre est à moi.
This car is new. | Cette voiture est neuve.
This house is big. | Cette maison est grande.
This soup is hot. | Cette soupe est chaude.
This bag is heavy. | Ce sac est lourd.
This is too salty. | C'est trop salé.
This tastes good. | C'est bon.
Those apples are red. | Ces pommes sont rouges.
It smells good. | Ça sent bon.
Here it is. | Le voici. | La voici.
Here you are. | Voilà. | Tiens. | Tenez.
Over here! | Par ici !
Here's my ticket. | Voici mon billet.

# --- Things and places ---
The door is open. | La porte est ouverte.
The door is closed. | La porte est fermée.
The shop is closed. | Le magasin est fermé.
The water is cold. | L'eau est froide.
The food is good. | La nourriture est bonne.
The sky is blue. | Le ciel est bleu.
The grass is green. | L'herbe est verte.
The dog is black. | Le chien est noir.
The cat is sleeping. | Le chat dort.
The baby is crying. | Le bébé pleure.
The children are playing. | Les enfants jouent.
The train is late. | Le train est en retard.
The bus is full. | Le bus est plein.
The tea is too hot. | Le thé est trop chaud.
The key is on the table. | La clé est sur la table.
The cat is under the bed. | Le chat est sous le lit.
The dog is in the garden. | Le chien est dans le jardin.
The keys are in my bag. | Les clés sont dans mon sac.
The phone is ringing. | Le téléphone sonne.
Someone is at the door. | Quelqu'un est à la porte. | Il y a quelqu'un à la porte.
The computer is broken. | L'ordinateur est cassé. | L'ordinateur est en panne.
My watch stopped. | Ma montre s'est arrêtée.
The flowers are beautiful. | Les fleurs sont belles.
The sea is calm. | La mer est calme.
The road is long. | La route est longue.
The beach is beautiful. | La plage est belle.
The station is near here. | La gare est près d'ici.
The bank is far from here. | La banque est loin d'ici.
The school is next to the park. | L'école est à côté du parc.
The museum is closed today. | Le musée est fermé aujourd'hui.
Paris is a beautiful city. | Paris est une belle ville.
Paris is in France. | Paris est en France.
London is a big city. | Londres est une grande ville.
Welcome to Paris! | Bienvenue à Paris !
Welcome to France. | Bienvenue en France.
There's a cat in the garden. | Il y a un chat dans le jardin.
There's no milk. | Il n'y a pas de lait.
There's a problem. | Il y a un problème.
There are many people. | Il y a beaucoup de monde.
There's nobody here. | Il n'y a personne ici.
My favorite color is blue. | Ma couleur préférée est le bleu.

# --- Questions ---
Who are you? | Qui es-tu ? | Qui êtes-vous ?
Who is he? | Qui est-il ?
Who's that? | Qui est-ce ?
Who's there? | Qui est là ?
Who knows? | Qui sait ?
Who did this? | Qui a fait ça ?
What's this? | Qu'est-ce que c'est ?
What's that? | Qu'est-ce que c'est que ça ?
What's wrong? | Qu'est-ce qui ne va pas ?
What happened? | Qu'est-il arrivé ? | Que s'est-il passé ?
What time is it? | Quelle heure est-il ?
What day is it? | Quel jour sommes-nous ? | Quel jour est-on ?
What do you want? | Que veux-tu ? | Que voulez-vous ? | Qu'est-ce que tu veux ?
What do you need? | De quoi as-tu besoin ? | De quoi avez-vous besoin ?
What are you doing? | Que fais-tu ? | Que faites-vous ? | Qu'est-ce que tu fais ?
What did you say? | Qu'as-tu dit ? | Qu'avez-vous dit ?
What did you do? | Qu'as-tu fait ? | Qu'avez-vous fait ?
What are you going to do? | Qu'est-ce que tu vas faire ? | Qu'allez-vous faire ?
What do you think? | Qu'en penses-tu ? | Qu'en pensez-vous ?
What are you looking for? | Que cherches-tu ? | Que cherchez-vous ?
What's the weather like? | Quel temps fait-il ?
What does this mean? | Qu'est-ce que ça veut dire ? | Que veut dire ceci ?
What's his name? | Comment s'appelle-t-il ?
Where is he? | Où est-il ?
Where is she? | Où est-elle ?
Where are you? | Où es-tu ? | Où êtes-vous ?
Where are they? | Où sont-ils ? | Où sont-elles ?
Where is Tom? | Où est Tom ?
Where's my phone? | Où est mon téléphone ?
Where are my keys? | Où sont mes clés ?
Where is the station? | Où est la gare ?
Where is the bathroom? | Où sont les toilettes ?
Where is the bank? | Où est la banque ?
Where do you live? | Où habites-tu ? | Où habitez-vous ? | Où vis-tu ?
Where do you work? | Où travailles-tu ? | Où travaillez-vous ?
Where are you going? | Où vas-tu ? | Où allez-vous ?
Where are you from? | D'où viens-tu ? | D'où venez-vous ?
Where did you go? | Où es-tu allé ? | Où es-tu allée ? | Où êtes-vous allé ?
When did you arrive? | Quand es-tu arrivé ? | Quand es-tu arrivée ? | Quand êtes-vous arrivé ?
When does it start? | Quand est-ce que ça commence ? | Ça commence quand ?
When do we leave? | Quand partons-nous ?
Why are you here? | Pourquoi es-tu ici ? | Pourquoi êtes-vous ici ?
Why are you crying? | Pourquoi pleures-tu ? | Pourquoi pleurez-vous ?
Why did you do that? | Pourquoi as-tu fait ça ? | Pourquoi avez-vous fait ça ?
Why is he angry? | Pourquoi est-il en colère ?
How old are you? | Quel âge as-tu ? | Quel âge avez-vous ?
How old is he? | Quel âge a-t-il ?
How much is it? | Combien ça coûte ? | C'est combien ?
How many children do you have? | Combien d'enfants as-tu ? | Combien d'enfants avez-vous ?
How do you say that in French? | Comment dit-on ça en français ?
How was your day? | Comment s'est passée ta journée ? | Comment était ta journée ?
How far is it? | C'est à quelle distance ? | C'est loin ?
Which one? | Lequel ? | Laquelle ?
Which one is yours? | Lequel est à toi ? | Laquelle est à vous ?
Whose bag is this? | À qui est ce sac ?
Is it true? | Est-ce vrai ? | C'est vrai ?
Is it far? | Est-ce loin ? | C'est loin ?
Is it free? | C'est gratuit ? | Est-ce gratuit ?
Is she married? | Est-elle mariée ?
Is Tom here? | Tom est-il là ? | Est-ce que Tom est là ?
Is this your car? | Est-ce ta voiture ? | Est-ce votre voiture ?
Is this seat free? | Cette place est-elle libre ? | Cette place est libre ?
Is she your sister? | Est-ce ta sœur ? | Est-ce votre sœur ?
Is everything OK? | Tout va bien ?
Is dinner ready? | Le dîner est-il prêt ?
Are you OK? | Ça va ? | Tu vas bien ? | Vous allez bien ?
Are you hungry? | As-tu faim ? | Avez-vous faim ? | Tu as faim ?
Are you thirsty? | As-tu soif ? | Avez-vous soif ?
Are you afraid? | As-tu peur ? | Avez-vous peur ?
Are you coming? | Tu viens ? | Vous venez ?
Are you a student? | Es-tu étudiant ? | Es-tu étudiante ? | Êtes-vous étudiant ?
Are you French? | Es-tu français ? | Es-tu française ? | Êtes-vous français ?
Are you listening? | Tu m'écoutes ? | Vous m'écoutez ?
Do you speak French? | Parles-tu français ? | Parlez-vous français ?
Do you speak English? | Parles-tu anglais ? | Parlez-vous anglais ?
Do you understand? | Comprends-tu ? | Comprenez-vous ? | Tu comprends ?
Do you know him? | Le connais-tu ? | Le connaissez-vous ?
Do you know Tom? | Connais-tu Tom ? | Connaissez-vous Tom ?
Do you have a car? | As-tu une voiture ? | Avez-vous une voiture ?
Do you have children? | Avez-vous des enfants ? | As-tu des enfants ?
Do you have any brothers? | As-tu des frères ? | Avez-vous des frères ?
Do you have time? | As-tu le temps ? | Avez-vous le temps ?
Do you want some tea? | Veux-tu du thé ? | Voulez-vous du thé ?
Do you want to come? | Veux-tu venir ? | Voulez-vous venir ?
Do you need help? | As-tu besoin d'aide ? | Avez-vous besoin d'aide ?
Do you live here? | Habites-tu ici ? | Habitez-vous ici ? | Tu habites ici ?
Do you eat meat? | Manges-tu de la viande ? | Mangez-vous de la viande ?
Do you like it? | Ça te plaît ? | Ça vous plaît ?
Do you love me? | M'aimes-tu ? | Tu m'aimes ?
Does it hurt? | Ça fait mal ? | Est-ce que ça fait mal ?
Does Tom speak French? | Tom parle-t-il français ?
Can I help you? | Puis-je t'aider ? | Puis-je vous aider ?
Can I come in? | Puis-je entrer ? | Je peux entrer ?
Can I sit here? | Puis-je m'asseoir ici ? | Je peux m'asseoir ici ?
Can I have some water? | Puis-je avoir de l'eau ?
Can I pay by card? | Puis-je payer par carte ?
Can you help me? | Peux-tu m'aider ? | Pouvez-vous m'aider ?
Can you hear me? | Tu m'entends ? | Vous m'entendez ? | M'entends-tu ?
Can you swim? | Sais-tu nager ? | Savez-vous nager ?
Can you drive? | Sais-tu conduire ? | Savez-vous conduire ?
Can you come tomorrow? | Peux-tu venir demain ? | Pouvez-vous venir demain ?
Can you repeat that? | Peux-tu répéter ? | Pouvez-vous répéter ?
Can you speak more slowly? | Peux-tu parler plus lentement ? | Pouvez-vous parler plus lentement ?
Can we talk? | Pouvons-nous parler ? | On peut parler ?
Shall we go? | On y va ?
Will you come? | Viendras-tu ? | Viendrez-vous ?
Will it rain tomorrow? | Pleuvra-t-il demain ? | Est-ce qu'il va pleuvoir demain ?
Did you eat? | As-tu mangé ? | Avez-vous mangé ?
Did you sleep well? | As-tu bien dormi ? | Avez-vous bien dormi ?
Did you like it? | Ça t'a plu ? | Ça vous a plu ?
Did you win? | As-tu gagné ? | Avez-vous gagné ?
Did she call? | A-t-elle appelé ?
Have you finished? | As-tu fini ? | Avez-vous fini ?
Have you ever been to Paris? | Es-tu déjà allé à Paris ? | Es-tu déjà allée à Paris ? | Êtes-vous déjà allé à Paris ?
Is it raining? | Pleut-il ? | Est-ce qu'il pleut ? | Il pleut ?
Some tea? | Du thé ?

# --- Likes, wants, needs, having ---
I like it. | Ça me plaît. | Je l'aime bien.
I love it. | J'adore ça. | Je l'adore.
I love you. | Je t'aime. | Je vous aime.
I love you too. | Je t'aime aussi. | Moi aussi, je t'aime.
I like you. | Je t'aime bien. | Je vous aime bien.
I miss you. | Tu me manques. | Vous me manquez.
I like to read. | J'aime lire.
I like to swim. | J'aime nager.
I like to travel. | J'aime voyager.
I like dancing. | J'aime danser.
I like your dress. | J'aime ta robe. | J'aime votre robe.
I like my job. | J'aime mon travail.
I love my family. | J'aime ma famille.
I love Paris. | J'adore Paris.
I hate Mondays. | Je déteste les lundis.
I don't like him. | Je ne l'aime pas.
I don't like it. | Je n'aime pas ça. | Ça ne me plaît pas.
He likes music. | Il aime la musique.
She likes cats. | Elle aime les chats.
They like to dance. | Ils aiment danser. | Elles aiment danser.
Tom likes to swim. | Tom aime nager.
Mary loves flowers. | Marie adore les fleurs.
I want to go. | Je veux y aller. | Je veux partir.
I want to sleep. | Je veux dormir.
I want to eat. | Je veux manger.
I want to know. | Je veux savoir.
I want to go home. | Je veux rentrer à la maison. | Je veux rentrer chez moi.
I want to learn French. | Je veux apprendre le français.
I want a dog. | Je veux un chien.
I want a new car. | Je veux une nouvelle voiture.
I want some water. | Je veux de l'eau.
I want more. | J'en veux plus. | J'en veux encore.
I don't want to go. | Je ne veux pas y aller.
I don't want a dog. | Je ne veux pas de chien.
I'd like a coffee. | Je voudrais un café.
I'd like some tea. | Je voudrais du thé.
I'd like to sleep. | J'aimerais dormir. | Je voudrais dormir.
I'd like a glass of water. | Je voudrais un verre d'eau.
The bill, please. | L'addition, s'il vous plaît.
A coffee, please. | Un café, s'il vous plaît.
Two beers, please. | Deux bières, s'il vous plaît.
A table for two, please. | Une table pour deux, s'il vous plaît.
Tom wants a bike. | Tom veut un vélo.
She wants to sleep. | Elle veut dormir.
He wants to leave. | Il veut partir.
We want to win. | Nous voulons gagner. | On veut gagner.
I need help. | J'ai besoin d'aide.
I need you. | J'ai besoin de toi. | J'ai besoin de vous.
I need money. | J'ai besoin d'argent.
I need a doctor. | J'ai besoin d'un médecin.
I need to rest. | J'ai besoin de me reposer.
I need to go. | Je dois y aller. | Il faut que j'y aille.
I need to talk to you. | Je dois te parler. | Je dois vous parler.
I need a vacation. | J'ai besoin de vacances.
We need more time. | Nous avons besoin de plus de temps.
We need eggs and milk. | Nous avons besoin d'œufs et de lait.
You need to rest. | Tu dois te reposer. | Vous devez vous reposer.
She needs a car. | Elle a besoin d'une voiture.
I have a car. | J'ai une voiture.
I have a dog. | J'ai un chien.
I have two cats. | J'ai deux chats.
I have a sister. | J'ai une sœur.
I have a brother. | J'ai un frère.
I have two brothers. | J'ai deux frères.
I have a daughter. | J'ai une fille.
I have three children. | J'ai trois enfants.
I have an idea. | J'ai une idée.
I have a question. | J'ai une question.
I have a problem. | J'ai un problème.
I have a headache. | J'ai mal à la tête.
I have a fever. | J'ai de la fièvre.
I have no time. | Je n'ai pas le temps.
I have no money. | Je n'ai pas d'argent.
I have no idea. | Je n'en ai aucune idée. | Aucune idée.
I have work to do. | J'ai du travail à faire.
I have a lot of friends. | J'ai beaucoup d'amis.
I have ten euros. | J'ai dix euros.
I have a meeting at ten. | J'ai une réunion à dix heures.
I don't have a car. | Je n'ai pas de voiture.
I don't have a brother. | Je n'ai pas de frère.
You have a nice house. | Tu as une belle maison. | Vous avez une belle maison.
You have beautiful eyes. | Tu as de beaux yeux. | Vous avez de beaux yeux.
He has a big house. | Il a une grande maison.
She has long hair. | Elle a les cheveux longs.
She has blue eyes. | Elle a les yeux bleus.
We have a dog. | Nous avons un chien. | On a un chien.
We have no bread. | Nous n'avons pas de pain.
We don't have time. | Nous n'avons pas le temps.
They have a big garden. | Ils ont un grand jardin. | Elles ont un grand jardin.
Tom has a new job. | Tom a un nouveau travail. | Tom a un nouvel emploi.

# --- Everyday present tense ---
I speak French. | Je parle français.
I speak a little French. | Je parle un peu français.
I don't speak French. | Je ne parle pas français.
I live in Paris. | J'habite à Paris. | Je vis à Paris.
I live in France. | J'habite en France. | Je vis en France.
I live in the United States. | J'habite aux États-Unis.
I live near the sea. | J'habite près de la mer.
I work here. | Je travaille ici.
I work at home. | Je travaille à la maison. | Je travaille chez moi.
I work in a bank. | Je travaille dans une banque.
I work from nine to five. | Je travaille de neuf heures à dix-sept heures.
I study French. | J'étudie le français.
I drink coffee. | Je bois du café.
I drink tea every day. | Je bois du thé tous les jours.
I don't drink. | Je ne bois pas.
I don't smoke. | Je ne fume pas.
I eat meat. | Je mange de la viande.
I don't eat meat. | Je ne mange pas de viande.
I'm eating an apple. | Je mange une pomme.
I read every day. | Je lis tous les jours.
I get up early. | Je me lève tôt.
I go to bed late. | Je me couche tard.
I take the bus. | Je prends le bus.
I walk to school. | Je vais à l'école à pied.
I play tennis. | Je joue au tennis.
I play the piano. | Je joue du piano.
I play soccer. | Je joue au football. | Je joue au foot.
I can swim. | Je sais nager.
I can't swim. | Je ne sais pas nager.
I can't sleep. | Je n'arrive pas à dormir. | Je ne peux pas dormir.
I can't hear you. | Je ne t'entends pas. | Je ne vous entends pas.
I can't wait. | J'ai hâte.
I can't do it. | Je ne peux pas le faire. | Je n'y arrive pas.
I can't find my keys. | Je ne trouve pas mes clés.
I can help you. | Je peux t'aider. | Je peux vous aider.
I must go. | Je dois partir. | Je dois y aller.
I think so. | Je pense que oui. | Je crois que oui.
I don't think so. | Je ne pense pas. | Je ne crois pas.
I believe you. | Je te crois. | Je vous crois.
I don't believe you. | Je ne te crois pas. | Je ne vous crois pas.
I remember. | Je me souviens.
I don't remember. | Je ne m'en souviens pas. | Je ne me souviens pas.
I know him. | Je le connais.
I know Tom. | Je connais Tom.
I don't know him. | Je ne le connais pas.
I know nobody here. | Je ne connais personne ici.
I don't care. | Ça m'est égal. | Je m'en fiche.
I never lie. | Je ne mens jamais.
I'm waiting for you. | Je t'attends. | Je vous attends.
I'm looking for Tom. | Je cherche Tom.
I'm looking for a job. | Je cherche du travail. | Je cherche un emploi.
I'm learning French. | J'apprends le français.
I'm watching TV. | Je regarde la télé.
I'm taking a shower. | Je prends une douche.
You speak French well. | Tu parles bien français. | Vous parlez bien français.
You work too much. | Tu travailles trop. | Vous travaillez trop.
You can go. | Tu peux partir. | Vous pouvez partir.
You must be tired. | Tu dois être fatigué. | Tu dois être fatiguée. | Vous devez être fatigué.
You never listen. | Tu n'écoutes jamais. | Vous n'écoutez jamais.
He speaks English. | Il parle anglais.
He works a lot. | Il travaille beaucoup.
He lives in Rome. | Il habite à Rome. | Il vit à Rome.
He drinks too much. | Il boit trop.
He never smiles. | Il ne sourit jamais.
He doesn't know. | Il ne sait pas.
He can't swim. | Il ne sait pas nager.
He loves her. | Il l'aime.
She speaks three languages. | Elle parle trois langues.
She sings well. | Elle chante bien.
She cooks very well. | Elle cuisine très bien.
She lives alone. | Elle vit seule.
She is reading a book. | Elle lit un livre.
She understands French. | Elle comprend le français.
We live in the city. | Nous habitons en ville.
We eat at noon. | Nous mangeons à midi.
We work together. | Nous travaillons ensemble.
We speak French at home. | Nous parlons français à la maison.
We don't know. | Nous ne savons pas. | On ne sait pas.
We can do it. | Nous pouvons le faire. | On peut le faire.
We must leave now. | Nous devons partir maintenant.
They live in London. | Ils habitent à Londres. | Elles habitent à Londres.
They speak Spanish. | Ils parlent espagnol. | Elles parlent espagnol.
They don't understand. | Ils ne comprennent pas. | Elles ne comprennent pas.
They don't know me. | Ils ne me connaissent pas. | Elles ne me connaissent pas.
Tom speaks French. | Tom parle français.
Tom lives in Boston. | Tom habite à Boston. | Tom vit à Boston.
Tom isn't here. | Tom n'est pas là.
Mary works in a shop. | Marie travaille dans un magasin.
Birds fly. | Les oiseaux volent.
Dogs bark. | Les chiens aboient.
Time flies. | Le temps passe vite.
Nobody knows. | Personne ne sait.
Everybody knows. | Tout le monde le sait. | Tout le monde sait.
Something is wrong. | Quelque chose ne va pas.
Someone is coming. | Quelqu'un arrive. | Quelqu'un vient.
Nobody is perfect. | Personne n'est parfait.
Nothing is impossible. | Rien n'est impossible.
The store opens at nine. | Le magasin ouvre à neuf heures.
The movie starts at eight. | Le film commence à huit heures.
It takes ten minutes. | Ça prend dix minutes.
It costs five euros. | Ça coûte cinq euros.
The book costs 15 euros. | Le livre coûte 15 euros.
Life is beautiful. | La vie est belle.
Love is blind. | L'amour est aveugle.
Time is money. | Le temps, c'est de l'argent.
Practice makes perfect. | C'est en forgeant qu'on devient forgeron.
Better late than never. | Mieux vaut tard que jamais.
Silence is golden. | Le silence est d'or.
French is not easy. | Le français n'est pas facile.
French is a beautiful language. | Le français est une belle langue.

# --- Food ---
Bread and butter. | Du pain et du beurre.
The soup is cold. | La soupe est froide.
The cake is delicious. | Le gâteau est délicieux.
The coffee is hot. | Le café est chaud.
The pizza is ready. | La pizza est prête.
Dinner is ready. | Le dîner est prêt.
Breakfast is at eight. | Le petit déjeuner est à huit heures.
I had fish for lunch. | J'ai mangé du poisson à midi.
She bought some eggs. | Elle a acheté des œufs.
The fridge is empty. | Le frigo est vide. | Le réfrigérateur est vide.
Apples are red. | Les pommes sont rouges.
Bananas are yellow. | Les bananes sont jaunes.
I'll have the fish. | Je vais prendre le poisson.
I'll have a salad. | Je vais prendre une salade.

# --- Family ---
My mother is a doctor. | Ma mère est médecin.
My father is a teacher. | Mon père est professeur.
My mother is kind. | Ma mère est gentille.
My father is sixty. | Mon père a soixante ans.
My grandmother is eighty. | Ma grand-mère a quatre-vingts ans.
My brother is a student. | Mon frère est étudiant.
My sister is a nurse. | Ma sœur est infirmière.
My sister is married. | Ma sœur est mariée.
My brother is married. | Mon frère est marié.
My parents are old. | Mes parents sont vieux. | Mes parents sont âgés.
My daughter is five. | Ma fille a cinq ans.
My wife is French. | Ma femme est française.
My uncle lives in Lyon. | Mon oncle habite à Lyon.
My grandfather is ill. | Mon grand-père est malade.
My grandparents live on a farm. | Mes grands-parents vivent dans une ferme.
Tom is Mary's husband. | Tom est le mari de Marie.
Mary is Tom's wife. | Marie est la femme de Tom.
Your brother is funny. | Ton frère est drôle. | Votre frère est drôle.
His sister is pretty. | Sa sœur est jolie.
Her father is a doctor. | Son père est médecin.
Their house is big. | Leur maison est grande.
My dog is old. | Mon chien est vieux.
My cat is black. | Mon chat est noir.
My car is white. | Ma voiture est blanche.
Your dress is pretty. | Ta robe est jolie. | Votre robe est jolie.
My shoes are wet. | Mes chaussures sont mouillées.
My hands are cold. | J'ai les mains froides.
My head hurts. | J'ai mal à la tête.
My back hurts. | J'ai mal au dos.

# --- Places and going somewhere ---
I'm going to school. | Je vais à l'école.
I'm going to the store. | Je vais au magasin.
I'm going to the bank. | Je vais à la banque.
I went to Italy last year. | Je suis allé en Italie l'année dernière. | Je suis allée en Italie l'année dernière.
I've never been to Spain. | Je ne suis jamais allé en Espagne. | Je ne suis jamais allée en Espagne.
We went to the museum. | Nous sommes allés au musée. | Nous sommes allées au musée.

# --- Past (passé composé and imparfait) ---
I ate. | J'ai mangé.
I saw it. | Je l'ai vu.
I saw her. | Je l'ai vue.
I saw Tom yesterday. | J'ai vu Tom hier.
I won! | J'ai gagné !
I lost. | J'ai perdu.
I lost my keys. | J'ai perdu mes clés.
I lost my job. | J'ai perdu mon travail. | J'ai perdu mon emploi.
I found it. | Je l'ai trouvé.
I did it. | Je l'ai fait.
I didn't do it. | Je ne l'ai pas fait.
I tried. | J'ai essayé.
I forgot. | J'ai oublié.
I slept well. | J'ai bien dormi.
I called Tom. | J'ai appelé Tom.
I called you. | Je t'ai appelé. | Je t'ai appelée. | Je vous ai appelé.
I bought a car. | J'ai acheté une voiture.
I wrote a letter. | J'ai écrit une lettre.
I made a mistake. | J'ai fait une erreur.
I finished. | J'ai fini. | J'ai terminé.
I didn't understand. | Je n'ai pas compris.
I heard a noise. | J'ai entendu un bruit.
I waited for you. | Je t'ai attendu. | Je t'ai attendue. | Je vous ai attendu.
I changed my mind. | J'ai changé d'avis.
I missed the train. | J'ai manqué le train. | J'ai raté le train.
I never said that. | Je n'ai jamais dit ça.
I didn't say anything. | Je n'ai rien dit.
I didn't know. | Je ne savais pas.
I didn't go. | Je n'y suis pas allé. | Je n'y suis pas allée.
I went home. | Je suis rentré à la maison. | Je suis rentrée à la maison.
I went to Paris. | Je suis allé à Paris. | Je suis allée à Paris.
I went to bed early. | Je me suis couché tôt. | Je me suis couchée tôt.
I came back. | Je suis revenu. | Je suis revenue.
I arrived yesterday. | Je suis arrivé hier. | Je suis arrivée hier.
I stayed at home. | Je suis resté à la maison. | Je suis restée à la maison.
I was born in Paris. | Je suis né à Paris. | Je suis née à Paris.
I fell. | Je suis tombé. | Je suis tombée.
I was tired. | J'étais fatigué. | J'étais fatiguée.
I was busy. | J'étais occupé. | J'étais occupée.
I was wrong. | J'avais tort.
It was fun. | C'était amusant. | C'était drôle.
It was easy. | C'était facile.
It was a good day. | C'était une bonne journée.
It was raining. | Il pleuvait.
It was cold yesterday. | Il faisait froid hier.
The movie was good. | Le film était bon. | Le film était bien.
You did it! | Tu l'as fait ! | Vous l'avez fait !
You won. | Tu as gagné. | Vous avez gagné.
You lied. | Tu as menti. | Vous avez menti.
You were right. | Tu avais raison. | Vous aviez raison.
You came! | Tu es venu ! | Tu es venue ! | Vous êtes venus !
You've changed. | Tu as changé. | Vous avez changé.
He left. | Il est parti.
He came yesterday. | Il est venu hier.
He didn't come. | Il n'est pas venu.
He lied. | Il a menti.
He laughed. | Il a ri.
He fell asleep. | Il s'est endormi.
He called me. | Il m'a appelé. | Il m'a appelée.
He bought a house. | Il a acheté une maison.
He was born in 1990. | Il est né en 1990.
She left. | Elle est partie.
She cried. | Elle a pleuré.
She came back. | Elle est revenue.
She fell. | Elle est tombée.
She didn't call. | Elle n'a pas appelé.
She sold her car. | Elle a vendu sa voiture.
She arrived late. | Elle est arrivée en retard.
She got married. | Elle s'est mariée.
She was happy. | Elle était heureuse.
We won. | Nous avons gagné. | On a gagné.
We lost. | Nous avons perdu. | On a perdu.
We didn't win. | Nous n'avons pas gagné.
We met in Paris. | Nous nous sommes rencontrés à Paris. | Nous nous sommes rencontrées à Paris.
We went to the beach. | Nous sommes allés à la plage. | Nous sommes allées à la plage.
We stayed at home. | Nous sommes restés à la maison. | Nous sommes restées à la maison.
We had fun. | Nous nous sommes amusés. | On s'est bien amusés.
We were late. | Nous étions en retard.
They left. | Ils sont partis. | Elles sont parties.
They came. | Ils sont venus. | Elles sont venues.
They didn't come. | Ils ne sont pas venus. | Elles ne sont pas venues.
They won. | Ils ont gagné. | Elles ont gagné.
They got married. | Ils se sont mariés.
They went home. | Ils sont rentrés chez eux. | Elles sont rentrées chez elles.
They were happy. | Ils étaient heureux. | Elles étaient heureuses.
Tom left. | Tom est parti.
Tom won. | Tom a gagné.
Tom came late. | Tom est arrivé en retard.
Tom didn't do it. | Tom ne l'a pas fait.
Mary stayed home. | Marie est restée à la maison.
Nobody came. | Personne n'est venu.
Nothing happened. | Rien ne s'est passé. | Il ne s'est rien passé.
The train left. | Le train est parti.
The dog bit me. | Le chien m'a mordu. | Le chien m'a mordue.
It rained yesterday. | Il a plu hier.
It snowed last night. | Il a neigé hier soir. | Il a neigé la nuit dernière.
It stopped raining. | Il a cessé de pleuvoir. | Il a arrêté de pleuvoir.
Spring has come. | Le printemps est arrivé.

# --- Future (futur proche and futur simple) ---
I'll go. | J'irai.
I'll be back. | Je reviendrai.
I'll be there. | J'y serai.
I'll call you. | Je t'appellerai. | Je vous appellerai.
I'll call you tomorrow. | Je t'appellerai demain. | Je vous appellerai demain.
I'll help you. | Je vais t'aider. | Je vais vous aider.
I'll wait. | J'attendrai.
I'll try. | J'essaierai. | Je vais essayer.
I'll do it. | Je le ferai. | Je vais le faire.
I'll pay. | Je paierai. | Je vais payer.
I'll think about it. | J'y réfléchirai.
I'll see you tomorrow. | Je te verrai demain. | Je vous verrai demain.
I'll be late. | Je serai en retard.
I'll be ready. | Je serai prêt. | Je serai prête.
I'll take it. | Je le prends. | Je vais le prendre.
I'll be back in an hour. | Je reviens dans une heure. | Je serai de retour dans une heure.
I'll never forget you. | Je ne t'oublierai jamais. | Je ne vous oublierai jamais.
I'm going to sleep. | Je vais dormir.
I'm going to Paris. | Je vais à Paris.
I'm going home. | Je rentre à la maison. | Je rentre chez moi.
I'm going to win. | Je vais gagner.
I'm going to buy a car. | Je vais acheter une voiture.
I'm going to be late. | Je vais être en retard.
I'm going to learn to swim. | Je vais apprendre à nager.
You'll see. | Tu verras. | Vous verrez.
You'll be late. | Tu seras en retard. | Vous serez en retard.
You're going to fall. | Tu vas tomber. | Vous allez tomber.
You're going to love it. | Tu vas adorer. | Vous allez adorer.
He'll come. | Il viendra.
He'll be here soon. | Il sera bientôt là.
He's going to win. | Il va gagner.
She'll be happy. | Elle sera heureuse.
She'll come tomorrow. | Elle viendra demain.
She's going to have a baby. | Elle va avoir un bébé.
We'll see. | On verra. | Nous verrons.
We'll win. | Nous gagnerons. | Nous allons gagner.
We'll leave tomorrow. | Nous partirons demain.
We're going to be late. | Nous allons être en retard. | On va être en retard.
We're going to the beach. | Nous allons à la plage.
We're going on vacation. | Nous partons en vacances.
They'll come back. | Ils reviendront. | Elles reviendront.
They're going to leave. | Ils vont partir. | Elles vont partir.
It'll rain. | Il va pleuvoir. | Il pleuvra.
It's going to rain. | Il va pleuvoir.
It will be sunny tomorrow. | Il fera beau demain. | Il y aura du soleil demain.
It will be cold tonight. | Il fera froid ce soir.
Tom will come. | Tom viendra.
Tom is going to help us. | Tom va nous aider.
The store will open at nine. | Le magasin ouvrira à neuf heures.
The train will leave soon. | Le train va bientôt partir. | Le train partira bientôt.
Everything will be fine. | Tout ira bien.

# --- Weather and seasons ---
It's hot. | Il fait chaud.
It's cold. | Il fait froid.
It's warm. | Il fait bon.
It's sunny. | Il y a du soleil. | Il fait beau.
It's nice today. | Il fait beau aujourd'hui.
The weather is nice. | Il fait beau.
The weather is bad. | Il fait mauvais.
It's raining. | Il pleut.
It's snowing. | Il neige.
It's windy. | Il y a du vent.
It's cloudy. | Le temps est nuageux. | C'est nuageux.
It's very hot today. | Il fait très chaud aujourd'hui.
It's cold outside. | Il fait froid dehors.
It's dark. | Il fait nuit. | Il fait noir.
It's getting dark. | Il commence à faire nuit.
The sun is shining. | Le soleil brille.
It's spring. | C'est le printemps.
It's summer. | C'est l'été.
It's winter. | C'est l'hiver.

# --- Time, dates and numbers ---
It's noon. | Il est midi.
It's midnight. | Il est minuit.
It's one o'clock. | Il est une heure.
It's two o'clock. | Il est deux heures.
It's five o'clock. | Il est cinq heures.
It's seven thirty. | Il est sept heures et demie.
It's half past six. | Il est six heures et demie.
It's a quarter past ten. | Il est dix heures et quart.
It's a quarter to nine. | Il est neuf heures moins le quart.
It's almost eight. | Il est presque huit heures.
It's 6:30. | Il est 6 h 30.
It's Monday. | C'est lundi. | On est lundi. | Nous sommes lundi.
Today is Monday. | Aujourd'hui, c'est lundi.
Yesterday was Tuesday. | Hier, c'était mardi.
The shop is closed on Sundays. | Le magasin est fermé le dimanche.
My birthday is in May. | Mon anniversaire est en mai.
It's the first of May. | C'est le premier mai. | Nous sommes le premier mai.
School starts in September. | L'école commence en septembre.
It's my birthday today. | C'est mon anniversaire aujourd'hui.
Every day. | Tous les jours. | Chaque jour.
Every morning. | Tous les matins. | Chaque matin.
Right now. | Tout de suite. | Maintenant.
Later. | Plus tard.
Soon. | Bientôt.
Today. | Aujourd'hui.
Tomorrow. | Demain.
Always. | Toujours.
Never. | Jamais.
Never again. | Plus jamais.
Sometimes. | Parfois.
One day. | Un jour.
Last week. | La semaine dernière.
Next week. | La semaine prochaine.
Next year. | L'année prochaine.
Tonight. | Ce soir.
Once again. | Encore une fois.
One, two, three. | Un, deux, trois.
Two plus two is four. | Deux plus deux font quatre. | Deux et deux font quatre.
Three times three is nine. | Trois fois trois font neuf.
A year has 365 days. | Une année compte 365 jours.
There are seven days in a week. | Il y a sept jours dans une semaine.
There are twelve months in a year. | Il y a douze mois dans une année.
My room is on the third floor. | Ma chambre est au troisième étage.
"""

# ---------------------------------------------------------------------------
# Template: adjectives, with full gender/number agreement.
#   (English, masc. sg., fem. sg., masc. pl., fem. pl., flags)
# Flags choose which sentences are generated for the adjective:
#   I = "I'm X."        Je suis m / Je suis f
#   Y = "You're X."     Tu es m / Tu es f / Vous êtes m
#   H = "He's X."       Il est m
#   S = "She's X."      Elle est f
#   W = "We're X."      Nous sommes mpl / Nous sommes fpl
#   T = "They're X."    Ils sont mpl / Elles sont fpl
#   N = "I'm not X."    Je ne suis pas m / Je ne suis pas f
#   Q = "Are you X?"    Es-tu m ? / Es-tu f ? / Êtes-vous m ?
# Identical French variants (invariable adjectives) are written once.
# ---------------------------------------------------------------------------
ADJECTIVES = [
    ("tired", "fatigué", "fatiguée", "fatigués", "fatiguées", "IYHSWTNQ"),
    ("happy", "heureux", "heureuse", "heureux", "heureuses", "IYHSWN"),
    ("sad", "triste", "triste", "tristes", "tristes", "IHSN"),
    ("busy", "occupé", "occupée", "occupés", "occupées", "IYHSQ"),
    ("ready", "prêt", "prête", "prêts", "prêtes", "IYWTQ"),
    ("sick", "malade", "malade", "malades", "malades", "IHSQ"),
    ("late", "en retard", "en retard", "en retard", "en retard", "IYHSW"),
    ("lost", "perdu", "perdue", "perdus", "perdues", "IYQ"),
    ("sure", "sûr", "sûre", "sûrs", "sûres", "INQ"),
    ("angry", "en colère", "en colère", "en colère", "en colère", "IYHS"),
    ("alone", "seul", "seule", "seuls", "seules", "IQ"),
    ("worried", "inquiet", "inquiète", "inquiets", "inquiètes", "IYS"),
    ("married", "marié", "mariée", "mariés", "mariées", "IQ"),
    ("free", "libre", "libre", "libres", "libres", "IQ"),
    ("serious", "sérieux", "sérieuse", "sérieux", "sérieuses", "Q"),
    ("awake", "réveillé", "réveillée", "réveillés", "réveillées", "Q"),
    ("nervous", "nerveux", "nerveuse", "nerveux", "nerveuses", "I"),
    ("shy", "timide", "timide", "timides", "timides", "I"),
    ("strong", "fort", "forte", "forts", "fortes", "I"),
    ("rich", "riche", "riche", "riches", "riches", "IT"),
    ("young", "jeune", "jeune", "jeunes", "jeunes", "I"),
    ("old", "vieux", "vieille", "vieux", "vieilles", "IN"),
    ("lazy", "paresseux", "paresseuse", "paresseux", "paresseuses", "H"),
    ("famous", "célèbre", "célèbre", "célèbres", "célèbres", "H"),
    ("drunk", "ivre", "ivre", "ivres", "ivres", "H"),
    ("polite", "poli", "polie", "polis", "polies", "S"),
    ("curious", "curieux", "curieuse", "curieux", "curieuses", "S"),
]


def parse_hand_written(text):
    pairs = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        english, frenches = parts[0], parts[1:]
        if not frenches:
            raise ValueError(f"no translation: {raw!r}")
        pairs.extend((english, fr) for fr in frenches)
    return pairs


def adjective_pairs():
    pairs = []
    for en, m, f, mpl, fpl, flags in ADJECTIVES:
        forms = {
            "I": (f"I'm {en}.", [f"Je suis {m}.", f"Je suis {f}."]),
            "Y": (f"You're {en}.",
                  [f"Tu es {m}.", f"Tu es {f}.", f"Vous êtes {m}."]),
            "H": (f"He's {en}.", [f"Il est {m}."]),
            "S": (f"She's {en}.", [f"Elle est {f}."]),
            "W": (f"We're {en}.",
                  [f"Nous sommes {mpl}.", f"Nous sommes {fpl}."]),
            "T": (f"They're {en}.",
                  [f"Ils sont {mpl}.", f"Elles sont {fpl}."]),
            "N": (f"I'm not {en}.",
                  [f"Je ne suis pas {m}.", f"Je ne suis pas {f}."]),
            "Q": (f"Are you {en}?",
                  [f"Es-tu {m} ?", f"Es-tu {f} ?", f"Êtes-vous {m} ?"]),
        }
        for flag in "IYHSWTNQ":
            if flag in flags:
                english, frenches = forms[flag]
                for fr in dict.fromkeys(frenches):  # drop identical variants
                    pairs.append((english, fr))
    return pairs


def build():
    pairs = parse_hand_written(HAND_WRITTEN) + adjective_pairs()
    pairs = list(dict.fromkeys(pairs))  # drop exact duplicates, keep order
    # Stable sort by English length: equal lengths keep the order above.
    pairs.sort(key=lambda p: len(p[0]))
    return pairs


def main():
    pairs = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for en, fr in pairs:
            fh.write(f"{en}\t{fr}\n")
    n_en = len({en for en, _ in pairs})
    print(f"wrote {len(pairs)} pairs ({n_en} distinct English) to {OUT}")


if __name__ == "__main__":
    main()
