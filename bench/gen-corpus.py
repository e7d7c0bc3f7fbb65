#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate a synthetic corpus of English and French business news.

    gen-corpus.py --size-mb N --out DIR [--seed S] [--jobs J]

writes about N MB (N * 10^6 bytes of UTF-8) of articles as
DIR/000/000000.txt, DIR/000/000001.txt, ... (1000 files per folder), then
DIR/corpus.info (size, seed, files, bytes; not a .txt, so kgbuild does not
read it).  About 60% of the articles are in English and 40% in French; a
typical article is 2-6 KB: a headline, a blank line, then paragraphs.

All the text comes from the templates below.  The world they draw on is
fixed (a pool of about 3,000 invented companies, some 60,000 possible
people, real countries and cities); the articles depend on --seed.  Each
folder is generated from its own seed, so the corpus does not depend on
--jobs, and a 10 MB corpus is the start of the 100 MB one of the same seed.

Standard library only; memory stays constant whatever the size, as each
article is written as soon as it is made.
"""

import argparse
import os
import random
import shutil
import sys
import time

FILES_PER_DIR = 1000
VERSION = 2

# ----------------------------------------------------------------------------
# The world: places, sectors, companies, people.

# key, English, French, kind, country key, French "in" phrase,
# English adjective, French adjective (feminine plural), French adjective
# (masculine singular).  Cities and regions have no adjectives.
PLACES = [
    # countries
    ("France", "France", "France", "country", "France", "en France", "French", "françaises", "français"),
    ("Germany", "Germany", "Allemagne", "country", "Germany", "en Allemagne", "German", "allemandes", "allemand"),
    ("Spain", "Spain", "Espagne", "country", "Spain", "en Espagne", "Spanish", "espagnoles", "espagnol"),
    ("Italy", "Italy", "Italie", "country", "Italy", "en Italie", "Italian", "italiennes", "italien"),
    ("United Kingdom", "Britain", "Royaume-Uni", "country", "United Kingdom", "au Royaume-Uni", "British", "britanniques", "britannique"),
    ("United States", "the United States", "États-Unis", "country", "United States", "aux États-Unis", "US", "américaines", "américain"),
    ("Poland", "Poland", "Pologne", "country", "Poland", "en Pologne", "Polish", "polonaises", "polonais"),
    ("Portugal", "Portugal", "Portugal", "country", "Portugal", "au Portugal", "Portuguese", "portugaises", "portugais"),
    ("Belgium", "Belgium", "Belgique", "country", "Belgium", "en Belgique", "Belgian", "belges", "belge"),
    ("Netherlands", "the Netherlands", "Pays-Bas", "country", "Netherlands", "aux Pays-Bas", "Dutch", "néerlandaises", "néerlandais"),
    ("Sweden", "Sweden", "Suède", "country", "Sweden", "en Suède", "Swedish", "suédoises", "suédois"),
    ("Denmark", "Denmark", "Danemark", "country", "Denmark", "au Danemark", "Danish", "danoises", "danois"),
    ("Norway", "Norway", "Norvège", "country", "Norway", "en Norvège", "Norwegian", "norvégiennes", "norvégien"),
    ("Finland", "Finland", "Finlande", "country", "Finland", "en Finlande", "Finnish", "finlandaises", "finlandais"),
    ("Ireland", "Ireland", "Irlande", "country", "Ireland", "en Irlande", "Irish", "irlandaises", "irlandais"),
    ("Switzerland", "Switzerland", "Suisse", "country", "Switzerland", "en Suisse", "Swiss", "suisses", "suisse"),
    ("Austria", "Austria", "Autriche", "country", "Austria", "en Autriche", "Austrian", "autrichiennes", "autrichien"),
    ("Czech Republic", "the Czech Republic", "République tchèque", "country", "Czech Republic", "en République tchèque", "Czech", "tchèques", "tchèque"),
    ("Hungary", "Hungary", "Hongrie", "country", "Hungary", "en Hongrie", "Hungarian", "hongroises", "hongrois"),
    ("Romania", "Romania", "Roumanie", "country", "Romania", "en Roumanie", "Romanian", "roumaines", "roumain"),
    ("Morocco", "Morocco", "Maroc", "country", "Morocco", "au Maroc", "Moroccan", "marocaines", "marocain"),
    ("Canada", "Canada", "Canada", "country", "Canada", "au Canada", "Canadian", "canadiennes", "canadien"),
    ("Mexico", "Mexico", "Mexique", "country", "Mexico", "au Mexique", "Mexican", "mexicaines", "mexicain"),
    ("Brazil", "Brazil", "Brésil", "country", "Brazil", "au Brésil", "Brazilian", "brésiliennes", "brésilien"),
    ("India", "India", "Inde", "country", "India", "en Inde", "Indian", "indiennes", "indien"),
    ("Japan", "Japan", "Japon", "country", "Japan", "au Japon", "Japanese", "japonaises", "japonais"),
    ("China", "China", "Chine", "country", "China", "en Chine", "Chinese", "chinoises", "chinois"),
    ("Vietnam", "Vietnam", "Vietnam", "country", "Vietnam", "au Vietnam", "Vietnamese", "vietnamiennes", "vietnamien"),
    # regions
    ("Bavaria", "Bavaria", "Bavière", "region", "Germany", "en Bavière", "", "", ""),
    ("Catalonia", "Catalonia", "Catalogne", "region", "Spain", "en Catalogne", "", "", ""),
    ("Occitanie", "Occitanie", "Occitanie", "region", "France", "en Occitanie", "", "", ""),
    ("Normandy", "Normandy", "Normandie", "region", "France", "en Normandie", "", "", ""),
    ("Brittany", "Brittany", "Bretagne", "region", "France", "en Bretagne", "", "", ""),
    ("Scotland", "Scotland", "Écosse", "region", "United Kingdom", "en Écosse", "", "", ""),
    ("Wales", "Wales", "Pays de Galles", "region", "United Kingdom", "au Pays de Galles", "", "", ""),
    ("Texas", "Texas", "Texas", "region", "United States", "au Texas", "", "", ""),
    ("Ohio", "Ohio", "Ohio", "region", "United States", "dans l'Ohio", "", "", ""),
    ("Ontario", "Ontario", "Ontario", "region", "Canada", "en Ontario", "", "", ""),
    ("Andalusia", "Andalusia", "Andalousie", "region", "Spain", "en Andalousie", "", "", ""),
    ("Lombardy", "Lombardy", "Lombardie", "region", "Italy", "en Lombardie", "", "", ""),
    # cities
    ("Paris", "Paris", "Paris", "city", "France", "à Paris", "", "", ""),
    ("Lyon", "Lyon", "Lyon", "city", "France", "à Lyon", "", "", ""),
    ("Toulouse", "Toulouse", "Toulouse", "city", "France", "à Toulouse", "", "", ""),
    ("Bordeaux", "Bordeaux", "Bordeaux", "city", "France", "à Bordeaux", "", "", ""),
    ("Lille", "Lille", "Lille", "city", "France", "à Lille", "", "", ""),
    ("Nantes", "Nantes", "Nantes", "city", "France", "à Nantes", "", "", ""),
    ("Marseille", "Marseille", "Marseille", "city", "France", "à Marseille", "", "", ""),
    ("Strasbourg", "Strasbourg", "Strasbourg", "city", "France", "à Strasbourg", "", "", ""),
    ("Grenoble", "Grenoble", "Grenoble", "city", "France", "à Grenoble", "", "", ""),
    ("Rennes", "Rennes", "Rennes", "city", "France", "à Rennes", "", "", ""),
    ("Montpellier", "Montpellier", "Montpellier", "city", "France", "à Montpellier", "", "", ""),
    ("Dunkirk", "Dunkirk", "Dunkerque", "city", "France", "à Dunkerque", "", "", ""),
    ("Munich", "Munich", "Munich", "city", "Germany", "à Munich", "", "", ""),
    ("Hamburg", "Hamburg", "Hambourg", "city", "Germany", "à Hambourg", "", "", ""),
    ("Berlin", "Berlin", "Berlin", "city", "Germany", "à Berlin", "", "", ""),
    ("Frankfurt", "Frankfurt", "Francfort", "city", "Germany", "à Francfort", "", "", ""),
    ("Stuttgart", "Stuttgart", "Stuttgart", "city", "Germany", "à Stuttgart", "", "", ""),
    ("Dresden", "Dresden", "Dresde", "city", "Germany", "à Dresde", "", "", ""),
    ("Madrid", "Madrid", "Madrid", "city", "Spain", "à Madrid", "", "", ""),
    ("Barcelona", "Barcelona", "Barcelone", "city", "Spain", "à Barcelone", "", "", ""),
    ("Seville", "Seville", "Séville", "city", "Spain", "à Séville", "", "", ""),
    ("Bilbao", "Bilbao", "Bilbao", "city", "Spain", "à Bilbao", "", "", ""),
    ("Milan", "Milan", "Milan", "city", "Italy", "à Milan", "", "", ""),
    ("Turin", "Turin", "Turin", "city", "Italy", "à Turin", "", "", ""),
    ("Rome", "Rome", "Rome", "city", "Italy", "à Rome", "", "", ""),
    ("London", "London", "Londres", "city", "United Kingdom", "à Londres", "", "", ""),
    ("Manchester", "Manchester", "Manchester", "city", "United Kingdom", "à Manchester", "", "", ""),
    ("Birmingham", "Birmingham", "Birmingham", "city", "United Kingdom", "à Birmingham", "", "", ""),
    ("Glasgow", "Glasgow", "Glasgow", "city", "United Kingdom", "à Glasgow", "", "", ""),
    ("Edinburgh", "Edinburgh", "Édimbourg", "city", "United Kingdom", "à Édimbourg", "", "", ""),
    ("Dublin", "Dublin", "Dublin", "city", "Ireland", "à Dublin", "", "", ""),
    ("Amsterdam", "Amsterdam", "Amsterdam", "city", "Netherlands", "à Amsterdam", "", "", ""),
    ("Rotterdam", "Rotterdam", "Rotterdam", "city", "Netherlands", "à Rotterdam", "", "", ""),
    ("Brussels", "Brussels", "Bruxelles", "city", "Belgium", "à Bruxelles", "", "", ""),
    ("Antwerp", "Antwerp", "Anvers", "city", "Belgium", "à Anvers", "", "", ""),
    ("Warsaw", "Warsaw", "Varsovie", "city", "Poland", "à Varsovie", "", "", ""),
    ("Krakow", "Krakow", "Cracovie", "city", "Poland", "à Cracovie", "", "", ""),
    ("Lisbon", "Lisbon", "Lisbonne", "city", "Portugal", "à Lisbonne", "", "", ""),
    ("Porto", "Porto", "Porto", "city", "Portugal", "à Porto", "", "", ""),
    ("Prague", "Prague", "Prague", "city", "Czech Republic", "à Prague", "", "", ""),
    ("Stockholm", "Stockholm", "Stockholm", "city", "Sweden", "à Stockholm", "", "", ""),
    ("Gothenburg", "Gothenburg", "Göteborg", "city", "Sweden", "à Göteborg", "", "", ""),
    ("Copenhagen", "Copenhagen", "Copenhague", "city", "Denmark", "à Copenhague", "", "", ""),
    ("Oslo", "Oslo", "Oslo", "city", "Norway", "à Oslo", "", "", ""),
    ("Helsinki", "Helsinki", "Helsinki", "city", "Finland", "à Helsinki", "", "", ""),
    ("Budapest", "Budapest", "Budapest", "city", "Hungary", "à Budapest", "", "", ""),
    ("Bucharest", "Bucharest", "Bucarest", "city", "Romania", "à Bucarest", "", "", ""),
    ("Zurich", "Zurich", "Zurich", "city", "Switzerland", "à Zurich", "", "", ""),
    ("Geneva", "Geneva", "Genève", "city", "Switzerland", "à Genève", "", "", ""),
    ("Casablanca", "Casablanca", "Casablanca", "city", "Morocco", "à Casablanca", "", "", ""),
    ("Tangier", "Tangier", "Tanger", "city", "Morocco", "à Tanger", "", "", ""),
    ("Montreal", "Montreal", "Montréal", "city", "Canada", "à Montréal", "", "", ""),
    ("Toronto", "Toronto", "Toronto", "city", "Canada", "à Toronto", "", "", ""),
    ("Austin", "Austin", "Austin", "city", "United States", "à Austin", "", "", ""),
    ("Chicago", "Chicago", "Chicago", "city", "United States", "à Chicago", "", "", ""),
    ("Detroit", "Detroit", "Detroit", "city", "United States", "à Detroit", "", "", ""),
    ("Atlanta", "Atlanta", "Atlanta", "city", "United States", "à Atlanta", "", "", ""),
    ("Boston", "Boston", "Boston", "city", "United States", "à Boston", "", "", ""),
    ("Houston", "Houston", "Houston", "city", "United States", "à Houston", "", "", ""),
    ("Monterrey", "Monterrey", "Monterrey", "city", "Mexico", "à Monterrey", "", "", ""),
    ("Sao Paulo", "São Paulo", "São Paulo", "city", "Brazil", "à São Paulo", "", "", ""),
    ("Bangalore", "Bangalore", "Bangalore", "city", "India", "à Bangalore", "", "", ""),
    ("Pune", "Pune", "Pune", "city", "India", "à Pune", "", "", ""),
    ("Tokyo", "Tokyo", "Tokyo", "city", "Japan", "à Tokyo", "", "", ""),
    ("Osaka", "Osaka", "Osaka", "city", "Japan", "à Osaka", "", "", ""),
    ("Shanghai", "Shanghai", "Shanghai", "city", "China", "à Shanghai", "", "", ""),
    ("Shenzhen", "Shenzhen", "Shenzhen", "city", "China", "à Shenzhen", "", "", ""),
    ("Hanoi", "Hanoi", "Hanoï", "city", "Vietnam", "à Hanoï", "", "", ""),
]

# Small towns no gazetteer knows: found by "in X" / « à X » only.
TOWNS = {
    "France": ["Saint-Vallier-sur-Loire", "Montbrison-les-Pins", "Vernouillet-la-Forge", "Lanvéoc-Kerhuon"],
    "Germany": ["Eschenbach am Ried", "Neuwaldau", "Kleinsteinfeld"],
    "Spain": ["Villanueva del Campo", "Torrejoncillo", "San Feliu de Mar"],
    "Italy": ["Castelverde Alto", "San Martino Lario"],
    "United Kingdom": ["Ashby Fenwick", "Little Harrowden"],
    "Poland": ["Nowa Wieś Górna", "Stary Brzeg"],
    "United States": ["Cedar Falls Junction", "Port Millbrook"],
}


class Place:
    __slots__ = ("key", "en", "fr", "kind", "country", "fr_in", "en_adj",
                 "fr_adj_fp", "fr_adj_m")

    def __init__(self, row):
        (self.key, self.en, self.fr, self.kind, self.country, self.fr_in,
         self.en_adj, self.fr_adj_fp, self.fr_adj_m) = row


ALL_PLACES = [Place(r) for r in PLACES]
PLACE = {p.key: p for p in ALL_PLACES}
COUNTRIES = [p for p in ALL_PLACES if p.kind == "country"]
CITIES = [p for p in ALL_PLACES if p.kind == "city"]
REGIONS = [p for p in ALL_PLACES if p.kind == "region"]
CITIES_OF = {}
for _p in ALL_PLACES:
    if _p.kind != "country":
        CITIES_OF.setdefault(_p.country, []).append(_p)
# Home countries of companies, with their weights, legal forms, exchanges.
HOMES = [
    ("France", 22, ["SA", "SAS", "", "", "Groupe"], "PA"),
    ("Germany", 14, ["GmbH", "AG", "", "SE"], "DE"),
    ("United States", 18, ["Inc", "Corp", "", "", "LLC"], "N"),
    ("United Kingdom", 12, ["Ltd", "PLC", "", "Holdings"], "L"),
    ("Spain", 7, ["SA", "", ""], "MC"),
    ("Italy", 6, ["SpA", "", ""], "MI"),
    ("Netherlands", 5, ["NV", "BV", ""], "AS"),
    ("Sweden", 4, ["AB", ""], "ST"),
    ("Switzerland", 4, ["AG", "SA", ""], "S"),
    ("Belgium", 3, ["SA", "NV", ""], "BR"),
    ("Japan", 3, ["Corp", "", "Co"], "T"),
    ("Canada", 2, ["Inc", "Ltd", ""], "TO"),
]

# Sectors: English words in names, French words in names, English
# descriptions, French descriptions (with their article), English
# facilities, French facilities (noun, gender), English products, French
# products, English noun for the firm, French noun for the firm.
SECTORS = [
    ("robotics", ["Robotics", "Automation", "Robot Systems"], ["Robotique", "Automatismes"],
     ["industrial automation group", "robot maker", "automation specialist"],
     ["le spécialiste de l'automatisation industrielle", "le fabricant de robots"],
     ["assembly plant", "robot factory", "research centre"], [("usine d'assemblage", "f"), ("site de production", "m"), ("centre de recherche", "m")],
     "warehouse robots and robotic arms", "des robots logistiques et des bras articulés", "group", "groupe"),
    ("energy", ["Energy", "Power", "Renewables", "Wind", "Solar"], ["Énergie", "Énergies", "Solaire", "Éolien"],
     ["renewable energy developer", "power producer", "offshore wind developer"],
     ["le producteur d'électricité renouvelable", "l'énergéticien", "le développeur éolien"],
     ["turbine blade factory", "solar panel plant", "battery storage site"], [("usine de pales", "f"), ("centrale solaire", "f"), ("site de stockage", "m")],
     "wind turbines and solar farms", "des parcs éoliens et des centrales solaires", "developer", "énergéticien"),
    ("pharma", ["Pharma", "Therapeutics", "Biosciences", "Health"], ["Santé", "Pharma", "Laboratoires", "Biotech"],
     ["drugmaker", "pharmaceutical group", "biotech company"],
     ["le laboratoire pharmaceutique", "la biotech", "le groupe pharmaceutique"],
     ["vaccine plant", "research campus", "biologics factory"], [("usine de vaccins", "f"), ("campus de recherche", "m"), ("site de bioproduction", "m")],
     "vaccines and antibody treatments", "des vaccins et des anticorps", "drugmaker", "laboratoire"),
    ("food", ["Foods", "Dairy", "Brewing", "Nutrition"], ["Alimentaire", "Laiterie", "Brasseries", "Nutrition"],
     ["food group", "dairy cooperative", "brewer"],
     ["le groupe agroalimentaire", "le brasseur", "le laitier"],
     ["dairy plant", "bottling plant", "distribution centre"], [("laiterie", "f"), ("usine d'embouteillage", "f"), ("plateforme logistique", "f")],
     "cheese, yoghurt and plant-based drinks", "des fromages, des yaourts et des boissons végétales", "group", "groupe"),
    ("logistics", ["Logistics", "Freight", "Shipping", "Transport"], ["Logistique", "Transports", "Fret"],
     ["logistics group", "freight forwarder", "container shipping line"],
     ["le logisticien", "le transporteur", "l'armateur"],
     ["warehouse", "distribution hub", "container terminal"], [("entrepôt", "m"), ("hub logistique", "m"), ("terminal à conteneurs", "m")],
     "parcel delivery and warehousing", "la livraison de colis et l'entreposage", "group", "logisticien"),
    ("autos", ["Motors", "Automotive", "Mobility"], ["Automobiles", "Mobilité", "Équipements"],
     ["carmaker", "car parts supplier", "electric vehicle maker"],
     ["le constructeur automobile", "l'équipementier", "le constructeur de véhicules électriques"],
     ["car plant", "gearbox factory", "battery assembly line"], [("usine automobile", "f"), ("usine de boîtes de vitesses", "f"), ("ligne d'assemblage de batteries", "f")],
     "electric vans and compact cars", "des utilitaires électriques et des citadines", "carmaker", "constructeur"),
    ("aerospace", ["Aerospace", "Aviation", "Avionics"], ["Aéronautique", "Aérospatiale", "Avionique"],
     ["aerospace supplier", "aircraft parts maker", "satellite maker"],
     ["l'équipementier aéronautique", "le motoriste", "le fabricant de satellites"],
     ["composites plant", "engine test centre", "satellite integration hall"], [("usine de composites", "f"), ("banc d'essais", "m"), ("hall d'intégration", "m")],
     "fuselage panels and landing gear", "des panneaux de fuselage et des trains d'atterrissage", "supplier", "équipementier"),
    ("chemicals", ["Chemicals", "Materials", "Polymers"], ["Chimie", "Matériaux", "Polymères"],
     ["chemicals group", "specialty materials maker"],
     ["le chimiste", "le groupe de chimie de spécialité"],
     ["chemical plant", "recycling unit", "pilot plant"], [("usine chimique", "f"), ("unité de recyclage", "f"), ("usine pilote", "f")],
     "coatings, resins and recycled plastics", "des revêtements, des résines et des plastiques recyclés", "group", "chimiste"),
    ("steel", ["Steel", "Metals", "Alloys"], ["Aciéries", "Métaux", "Fonderies"],
     ["steelmaker", "aluminium producer"],
     ["le sidérurgiste", "le producteur d'aluminium"],
     ["steelworks", "electric arc furnace", "rolling mill"], [("aciérie", "f"), ("four électrique", "m"), ("laminoir", "m")],
     "steel coils and aluminium sheet", "des bobines d'acier et des tôles d'aluminium", "steelmaker", "sidérurgiste"),
    ("chips", ["Semiconductors", "Microsystems", "Silicon"], ["Semiconducteurs", "Microélectronique"],
     ["chipmaker", "semiconductor group"],
     ["le fabricant de puces", "le groupe de semi-conducteurs"],
     ["chip factory", "wafer fab", "design centre"], [("usine de puces", "f"), ("salle blanche", "f"), ("centre de conception", "m")],
     "power chips and sensors", "des puces de puissance et des capteurs", "chipmaker", "fondeur"),
    ("software", ["Software", "Analytics", "Digital", "Labs", "Data"], ["Numérique", "Logiciels", "Data", "Conseil"],
     ["software company", "IT services group", "cloud provider"],
     ["l'éditeur de logiciels", "l'entreprise de services numériques", "le fournisseur de cloud"],
     ["data centre", "development centre", "engineering hub"], [("centre de données", "m"), ("centre de développement", "m"), ("pôle d'ingénierie", "m")],
     "cloud software for manufacturers", "des logiciels en nuage pour l'industrie", "company", "éditeur"),
    ("telecom", ["Telecom", "Networks", "Connect"], ["Télécom", "Réseaux"],
     ["telecoms operator", "network equipment maker"],
     ["l'opérateur télécoms", "l'équipementier télécoms"],
     ["fibre network", "network operations centre"], [("réseau de fibre", "m"), ("centre d'exploitation", "m")],
     "fibre and mobile networks", "des réseaux fixes et mobiles", "operator", "opérateur"),
    ("retail", ["Retail", "Stores", "Home", "Fashion"], ["Distribution", "Magasins", "Maison", "Mode"],
     ["retailer", "home goods chain", "fashion retailer"],
     ["le distributeur", "l'enseigne", "le spécialiste de l'habillement"],
     ["distribution centre", "flagship store", "warehouse"], [("entrepôt", "m"), ("magasin", "m"), ("plateforme logistique", "f")],
     "furniture, clothing and home goods", "des meubles, des vêtements et des articles pour la maison", "retailer", "distributeur"),
    ("bank", ["Bank", "Capital", "Finance", "Partners"], ["Banque", "Finance", "Gestion", "Capital"],
     ["lender", "asset manager", "private equity firm"],
     ["la banque", "le gestionnaire d'actifs", "le fonds d'investissement"],
     ["operations centre", "technology hub", "back office"], [("centre opérationnel", "m"), ("pôle technologique", "m"), ("centre de services", "m")],
     "corporate loans and asset management", "des prêts aux entreprises et de la gestion d'actifs", "bank", "banque"),
    ("construction", ["Construction", "Building", "Infrastructure", "Cement"], ["Construction", "Bâtiment", "Ciments", "Travaux"],
     ["construction group", "cement maker", "building materials group"],
     ["le groupe de BTP", "le cimentier", "le spécialiste des matériaux de construction"],
     ["cement plant", "prefabrication plant", "quarry"], [("cimenterie", "f"), ("usine de préfabrication", "f"), ("carrière", "f")],
     "low-carbon cement and prefabricated walls", "du ciment bas carbone et des murs préfabriqués", "group", "groupe"),
    ("batteries", ["Batteries", "Cells", "Battery Systems"], ["Batteries", "Accumulateurs"],
     ["battery maker", "cell manufacturer"],
     ["le fabricant de batteries", "le spécialiste des accumulateurs"],
     ["gigafactory", "cell plant", "recycling plant"], [("gigafactory", "f"), ("usine de cellules", "f"), ("usine de recyclage", "f")],
     "lithium-ion cells for carmakers", "des cellules lithium-ion pour les constructeurs", "company", "fabricant"),
]

# Invented name parts: prefixes are built from these syllables.
SYL_A = ["Val", "Kes", "Bri", "Or", "Lum", "Nor", "Har", "Tes", "Quil", "Alt",
         "Cor", "Sil", "Red", "Ash", "Bel", "Cin", "Dus", "Elm", "Far", "Glen",
         "Hal", "Ira", "Kal", "Lark", "Mar", "Nev", "Ost", "Pel", "Rav", "Sar",
         "Tor", "Ul", "Ver", "Wes", "Yar", "Zen", "Aur", "Bor", "Cal", "Dra",
         "Fen", "Gal", "Hel", "Ister", "Jad", "Kor", "Lys", "Mor", "Nym", "Oak"]
SYL_B = ["dora", "trel", "vane", "eris", "gate", "wick", "saro", "lon", "amar",
         "vex", "ora", "moor", "combe", "mont", "dral", "brook", "dale", "vard",
         "vale", "tern", "spur", "ix", "ium", "ara", "nova", "quist", "lyn",
         "stone", "field", "crest", "haven", "ridge", "ion", "aris", "tica",
         "genix", "lux", "wyn", "thal", "ford"]

EN_FIRST_F = ["Laura", "Emily", "Sarah", "Rachel", "Hannah", "Claire", "Olivia",
              "Megan", "Jessica", "Rebecca", "Katherine", "Amanda", "Natalie",
              "Victoria", "Fiona", "Helen", "Susan", "Karen", "Julia", "Anna",
              "Maria", "Ingrid", "Sofia", "Elena", "Priya", "Mei", "Yuki",
              "Aisha", "Grace", "Lucy", "Charlotte", "Emma", "Nadia", "Carmen",
              "Lena", "Astrid", "Paula", "Diana", "Monica", "Teresa"]
EN_FIRST_M = ["James", "Michael", "David", "Robert", "Thomas", "Daniel", "Andrew",
              "Mark", "Paul", "Peter", "Richard", "Steven", "Matthew",
              "Christopher", "Jonathan", "Simon", "Henrik", "Lars", "Marco",
              "Carlos", "Javier", "Stefan", "Markus", "Tobias", "Rajesh", "Kenji",
              "Omar", "Samuel", "Benjamin", "Oliver", "George", "Edward",
              "Martin", "Alexander", "Victor", "Hugo", "Felix", "Anders",
              "Pablo", "Luca"]
FR_FIRST_F = ["Hélène", "Nathalie", "Sophie", "Isabelle", "Camille", "Céline",
              "Valérie", "Sandrine", "Aurélie", "Émilie", "Juliette", "Margaux",
              "Léa", "Anne", "Catherine", "Christine", "Agnès", "Élodie",
              "Laurence", "Aïcha", "Karine", "Florence", "Mathilde", "Pauline",
              "Delphine", "Virginie", "Stéphanie", "Caroline", "Véronique",
              "Sylvie", "Inès", "Chloé", "Manon", "Clémence", "Béatrice",
              "Marion", "Amélie", "Fatima", "Solène", "Brigitte"]
FR_FIRST_M = ["Jean", "Pierre", "Mathieu", "François", "Nicolas", "Olivier",
              "Thierry", "Laurent", "Philippe", "Sébastien", "Julien", "Antoine",
              "Benoît", "Guillaume", "Stéphane", "Frédéric", "Christophe",
              "Jérôme", "Vincent", "Arnaud", "Karim", "Yannick", "Bertrand",
              "Hervé", "Rémi", "Patrick", "Éric", "Alain", "Bruno", "Xavier",
              "Didier", "Gilles", "Lionel", "Maxime", "Romain", "Cédric",
              "Fabien", "Hugues", "Mehdi", "Thibault"]
SURNAMES_EN = ["Whitfield", "Delaney", "Brenner", "Hartley", "Caldwell",
               "Prescott", "Ashworth", "Bradshaw", "Donovan", "Fairbanks",
               "Gallagher", "Hollis", "Kendrick", "Langford", "Mercer",
               "Norwood", "Pemberton", "Radcliffe", "Sheridan", "Thornton",
               "Underwood", "Vance", "Whitmore", "Yardley", "Abernathy",
               "Barlow", "Carver", "Dalton", "Ellison", "Fletcher", "Garrison",
               "Hayward", "Irving", "Jennings", "Keating", "Lowry", "Maddox",
               "Nash", "Osborne", "Pritchard", "Quinlan", "Rowland", "Sutton",
               "Tate", "Upton", "Vaughan", "Walsh", "Young", "Ainsley",
               "Blackwood", "Coleridge", "Draper", "Everett", "Finch", "Grimes",
               "Holloway", "Ingram", "Judd", "Kirby", "Lockhart", "Monroe",
               "Newell", "Oakes", "Parrish", "Redford", "Stanton", "Tolliver",
               "Voss", "Winslow", "Bishop", "Crane", "Dunmore", "Emerson",
               "Fenwick", "Gould", "Harper", "Kerr", "Lyle", "McBride",
               "O'Connell", "Patel", "Rahman", "Nakamura", "Chen", "Okafor",
               "Lindqvist", "Andersen", "Kowalski", "Novak", "Rossi", "Bianchi",
               "García", "Fernández", "Moreno", "Schneider", "Fischer",
               "Hoffmann", "Becker", "Wagner", "Keller", "Vogel", "Jansen",
               "De Vries", "Bakker", "Svensson", "Nilsson", "Haugen", "Virtanen",
               "Costa", "Silva", "Horvath", "Popescu", "Tanaka", "Suzuki",
               "Singh", "Sharma", "Mendoza", "Castillo", "Ortega", "Romano"]
SURNAMES_FR = ["Marchand", "Ferrand", "Lemaire", "Berthier", "Villeneuve",
               "Lenoir", "Dubreuil", "Garnier", "Fournier", "Benali", "Lefebvre",
               "Moreau", "Girard", "Bonnet", "Dupuis", "Lambert", "Fontaine",
               "Rousseau", "Vincent", "Muller", "Leroy", "Roux", "Morel",
               "Guérin", "Boyer", "Chevalier", "Perrin", "Clément", "Gauthier",
               "Mercier", "Blanchard", "Barbier", "Arnaud", "Martel", "Brunet",
               "Renaud", "Masson", "Picard", "Aubert", "Lacroix", "Fabre",
               "Rolland", "Hubert", "Carpentier", "Dumas", "Meunier", "Deschamps",
               "Lemoine", "Brun", "Collet", "Charpentier", "Tessier", "Leclerc",
               "Perret", "Royer", "Vidal", "Bertrand", "Caron", "Marty",
               "Jacquet", "Baudry", "Delorme", "Texier", "Pichon", "Ollivier",
               "Besnard", "Le Goff", "Le Gall", "Kerbrat", "Quéré", "Castel",
               "Bousquet", "Rey", "Maillard", "Bouvier", "Giraud", "Poulain",
               "Langlois", "Joly", "Cordier", "Hamon", "Chauvin", "Laurent",
               "Mallet", "Gillet", "Bailly", "Verdier", "Lebrun", "Duval",
               "Hoarau", "Payet", "Mansouri", "Haddad", "Bensaïd", "Diallo",
               "N'Diaye", "Traoré", "Nguyen", "Tran", "Da Silva", "Pereira",
               "Ferreira", "Martins", "Lopez", "Sanchez", "Navarro", "Ruiz",
               "Colin", "Prévost", "Bréchet", "Delmas", "Sabatier", "Cazenave",
               "Etcheverry", "Lagarde", "Vasseur", "Dufour", "Huet", "Marechal",
               "Boulanger", "Millet", "Lemaître", "Godard", "Rivière"]

# Titles: (English), and French (masculine, feminine).
EN_TITLES_TOP = ["chief executive", "chief executive officer", "CEO", "president",
                 "chairman", "chairwoman", "managing director", "group chief executive"]
EN_TITLES = ["chief financial officer", "chief operating officer",
             "chief technology officer", "head of operations", "head of sales",
             "executive vice president", "general manager", "finance director",
             "chief commercial officer", "chief strategy officer",
             "head of research", "plant manager", "chief sustainability officer",
             "senior vice president", "operations director", "chief digital officer"]
EN_COUNTRY_TITLES = ["country manager", "managing director", "head", "general manager", "president"]
FR_TITLES_TOP = [("directeur général", "directrice générale"), ("PDG", "PDG"),
                 ("président", "présidente"),
                 ("président-directeur général", "présidente-directrice générale"),
                 ("président du directoire", "présidente du directoire")]
FR_TITLES = [("directeur financier", "directrice financière"),
             ("directeur des opérations", "directrice des opérations"),
             ("directeur général adjoint", "directrice générale adjointe"),
             ("directeur général délégué", "directrice générale déléguée"),
             ("directeur des ressources humaines", "directrice des ressources humaines"),
             ("directeur commercial", "directrice commerciale"),
             ("directeur de la stratégie", "directrice de la stratégie"),
             ("directeur technique", "directrice technique"),
             ("directeur de site", "directrice de site"),
             ("directeur de l'usine", "directrice de l'usine"),
             ("directeur de la recherche", "directrice de la recherche"),
             ("vice-président", "vice-présidente"),
             ("secrétaire général", "secrétaire générale")]
FR_COUNTRY_TITLES = [("directeur général", "directrice générale"),
                     ("président", "présidente"), ("country manager", "country manager"),
                     ("directeur pays", "directrice pays")]

EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
             "août", "septembre", "octobre", "novembre", "décembre"]

EVENT_TOPICS_EN = ["Smart Factory", "Future Mobility", "Green Hydrogen", "Battery",
                   "Industrial AI", "Clean Energy", "Supply Chain", "Digital Health",
                   "Space Industry", "Circular Economy", "Offshore Wind", "Food Innovation"]
EVENT_WORDS_EN = ["Summit", "Forum", "Expo", "Conference", "Week", "Congress"]
EVENT_TOPICS_FR = ["Industrie du Futur", "Énergies Futures", "Mobilité Durable",
                   "Hydrogène Vert", "Santé Numérique", "Économie Circulaire",
                   "Logistique Connectée", "Agroalimentaire", "Aéronautique Durable"]
EVENT_WORDS_FR = ["Salon", "Sommet", "Forum", "Rencontres", "Journées", "Congrès"]

MEDIA_EN = ["Business Daily", "the Financial Courier", "Market Wire", "Industry Weekly"]
MEDIA_FR = ["Le Courrier de l'Industrie", "L'Écho des Marchés", "La Lettre Économique"]


def _build_world():
    """The fixed pool of companies (seed-independent)."""
    rng = random.Random("kgbuild-bench-world-1")
    prefixes = sorted({a + b for a in SYL_A for b in SYL_B})
    rng.shuffle(prefixes)
    prefixes = prefixes[:420]
    homes = []
    for key, weight, forms, exch in HOMES:
        homes += [(key, forms, exch)] * weight
    companies = []
    seen = set()
    tickers = set()
    for pre in prefixes:
        for _ in range(rng.choice((5, 6, 7, 8, 9))):
            sector = rng.choice(SECTORS)
            home, forms, exch = rng.choice(homes)
            word = rng.choice(sector[2] if home == "France" else sector[1])
            name = pre + " " + word
            if name in seen:
                continue
            seen.add(name)
            legal = rng.choice(forms)
            hq = rng.choice([p for p in CITIES_OF[home] if p.kind == "city"] or [PLACE[home]])
            ticker = None
            if rng.random() < 0.35:
                w = "".join(ch for ch in word.upper() if "A" <= ch <= "Z")
                for stem in (pre[:3] + w[0], pre[:2] + w[:2], pre[:4], pre[:3] + w[1]):
                    t = stem.upper() + "." + exch
                    if t not in tickers:
                        tickers.add(t)
                        ticker = t
                        break
            ceo = new_person(rng, "fr" if home == "France" else "en")
            companies.append(Company(name, legal, sector, PLACE[home], hq, ticker,
                                     rng.random() < 0.5, ceo))
    return companies


class Company:
    __slots__ = ("name", "legal", "sector", "home", "hq", "ticker",
                 "legal_often", "ceo")

    def __init__(self, name, legal, sector, home, hq, ticker, legal_often, ceo):
        self.name = name
        self.legal = legal
        self.sector = sector
        self.home = home
        self.hq = hq
        self.ticker = ticker
        self.legal_often = legal_often
        self.ceo = ceo

    def full(self):
        if not self.legal:
            return self.name
        if self.legal == "Groupe":
            return "Groupe " + self.name
        return self.name + " " + self.legal


class Person:
    __slots__ = ("first", "last", "female")

    def __init__(self, first, last, female):
        self.first = first
        self.last = last
        self.female = female

    def full(self):
        return self.first + " " + self.last


def new_person(rng, lang):
    female = rng.random() < 0.45
    if lang == "fr" and rng.random() < 0.75:
        first = rng.choice(FR_FIRST_F if female else FR_FIRST_M)
        last = rng.choice(SURNAMES_FR if rng.random() < 0.85 else SURNAMES_EN)
    else:
        first = rng.choice(EN_FIRST_F if female else EN_FIRST_M)
        last = rng.choice(SURNAMES_EN if rng.random() < 0.85 else SURNAMES_FR)
    return Person(first, last, female)


COMPANIES = _build_world()


# ----------------------------------------------------------------------------
# Numbers, money, dates.

def en_int(n):
    return f"{n:,}"


def fr_int(rng, n):
    if n < 1000:
        return str(n)
    s = f"{n:,}"
    r = rng.random()
    sep = " " if r < 0.8 else ("\u00a0" if r < 0.93 else "\u202f")
    return s.replace(",", sep)


def dec_str(x):
    s = f"{x:.1f}"
    return s[:-2] if s.endswith(".0") else s


def pick_amount(rng, big=False):
    """An amount of money in units, rounded the way news rounds it."""
    r = rng.random()
    if big or r < 0.35:
        return rng.choice((1.0, 1.2, 1.5, 1.8, 2.0, 2.4, 2.5, 3.0, 3.6, 4.0, 4.5,
                           5.0, 6.2, 7.5, 8.0, 10.0, 12.0, 15.0)) * 1e9
    if r < 0.95:
        return rng.choice((20, 25, 30, 40, 45, 50, 60, 75, 80, 90, 100, 120, 150,
                           180, 200, 220, 250, 300, 320, 350, 380, 400, 450,
                           500, 550, 600, 650, 700, 750, 800, 850, 900)) * 1e6
    return rng.choice((250, 400, 500, 750, 900)) * 1e3


CUR_EN = {"EUR": ("€", "euros", "EUR"), "USD": ("$", "dollars", "USD"),
          "GBP": ("£", "pounds", "GBP"), "CHF": ("CHF ", "Swiss francs", "CHF"),
          "JPY": ("¥", "yen", "JPY")}
CUR_FR = {"EUR": ("€", "d'euros", "euros"), "USD": ("$", "de dollars", "dollars"),
          "GBP": ("£", "de livres sterling", "livres"), "CHF": ("CHF", "de francs suisses", "francs suisses"),
          "JPY": ("¥", "de yens", "yens")}
EN_BOUNDS = ["more than ", "up to ", "about ", "around ", "nearly ", "roughly ",
             "as much as ", "at least "]
FR_BOUNDS = ["plus de ", "jusqu'à ", "environ ", "près de ", "quelque ", "au moins "]


def money_en(rng, cur, val, bound=True):
    sym, word, code = CUR_EN[cur]
    pre = rng.choice(EN_BOUNDS) if bound and rng.random() < 0.2 else ""
    r = rng.random()
    if val >= 1e9:
        x = dec_str(val / 1e9)
        if cur == "JPY":
            return f"{pre}{x} billion yen"
        if r < 0.35 and sym != "CHF ":
            s = f"{sym}{x}bn"
        elif r < 0.65:
            s = f"{x} billion {word}"
        elif r < 0.85 and sym != "CHF ":
            s = f"{sym}{x} billion"
        else:
            s = f"{code} {x} billion"
    elif val >= 1e6:
        x = dec_str(val / 1e6)
        if cur == "JPY":
            return f"{pre}{x} million yen"
        if r < 0.3 and sym != "CHF ":
            s = f"{sym}{x}m"
        elif r < 0.6:
            s = f"{x} million {word}"
        elif r < 0.85 and sym != "CHF ":
            s = f"{sym}{x} million"
        else:
            s = f"{code} {x} million"
    else:
        s = f"{en_int(int(val))} {word}" if r < 0.5 or sym == "CHF " else f"{sym}{en_int(int(val))}"
    return pre + s


def money_fr(rng, cur, val, apos, bound=True):
    sym, de_word, plain = CUR_FR[cur]
    de_word = de_word.replace("'", apos)
    pre = rng.choice(FR_BOUNDS).replace("'", apos) if bound and rng.random() < 0.2 else ""
    r = rng.random()
    if val >= 1e9:
        x = val / 1e9
        xs = dec_str(x).replace(".", ",")
        unit = "milliard" if x < 2 else "milliards"
        if r < 0.15 and cur == "EUR":
            s = f"{xs} Md€"
        elif r < 0.22 and cur == "EUR":
            s = f"{xs} milliards €" if x >= 2 else f"{xs} milliard €"
        else:
            s = f"{xs} {unit} {de_word}"
    elif val >= 1e6:
        x = val / 1e6
        xs = dec_str(x).replace(".", ",")
        if r < 0.12 and cur == "EUR":
            s = f"{xs} M€"
        elif r < 0.2:
            s = f"{xs} millions {plain}"
        else:
            s = f"{xs} millions {de_word}"
    else:
        s = f"{fr_int(rng, int(val))} {plain}"
    return pre + s


def pick_jobs(rng, small=False):
    r = rng.random()
    if small or r < 0.45:
        return rng.choice((20, 30, 35, 40, 45, 50, 60, 70, 75, 80, 90, 100, 110,
                           120, 150, 160, 180, 200, 220, 240, 250, 280, 300, 320,
                           350, 400, 450, 480))
    if r < 0.9:
        return rng.randrange(5, 60) * 100
    return rng.randrange(6, 30) * 1000


def pick_headcount(rng):
    r = rng.random()
    if r < 0.3:
        return rng.randrange(3, 50) * 100
    if r < 0.8:
        return rng.randrange(5, 100) * 1000
    return rng.randrange(10, 320) * 1000


# ----------------------------------------------------------------------------
# Article generation.

def fr_de(name, apos):
    """« de X », or « d'X » before a vowel."""
    if name[:1] in "AEIOUÉÈÊÎÔYaeiouéèêîôy":
        return "d" + apos + name
    return "de " + name


def fr_son(noun, gender):
    if noun[:1] in "aeiouéèêîôh" or gender == "m":
        return "son " + noun
    return "sa " + noun


def lower1(s):
    return s[:1].lower() + s[1:]


def said_q(q):
    """A quotation as it stands before « said X »: the full stop becomes a
    comma in English."""
    return q[:-1] + "," if q.endswith(".") else q


# Fields of the filler templates, computed only when a template uses them.
def _pct(a):
    x = dec_str(a.rng.uniform(0.2, 9.9))
    return x if a.lang == "en" else x.replace(".", ",")


def _pct2(a):
    x = dec_str(a.rng.uniform(0.1, 4.9))
    return x if a.lang == "en" else x.replace(".", ",")


def _price(a):
    x = f"{a.rng.uniform(5, 240):.2f}"
    return x if a.lang == "en" else x.replace(".", ",")


def _gw(a):
    x = dec_str(a.rng.uniform(0.2, 9.5))
    return x if a.lang == "en" else x.replace(".", ",")


FILLER_FIELDS = {
    "pct": _pct, "pct2": _pct2, "price": _price, "gw": _gw,
    "n": lambda a: a.num(a.rng.randrange(2, 90) * 1000),
    "pts": lambda a: a.num(a.rng.randrange(3000, 19000)),
    "k": lambda a: a.rng.randrange(2, 40),
    "months": lambda a: a.rng.randrange(6, 30),
    "year": lambda a: a.year,
    "prev": lambda a: a.year - 1,
    "next": lambda a: a.year + 1,
    "q": lambda a: a.rng.choice(("first", "second", "third", "fourth") if a.lang == "en"
                                else ("premier", "deuxième", "troisième", "quatrième")),
    "place": lambda a: a.country.en if a.lang == "en" else a.country.fr,
    "place_in": lambda a: a.country.fr_in,
    "adj": lambda a: a.country.en_adj or "regional",
    "city": lambda a: a.city.en if a.lang == "en" else a.city.fr,
    "products": lambda a: a.c.sector[7] if a.lang == "en" else a.c.sector[8],
    "day": lambda a: a.rng.choice(EN_DAYS if a.lang == "en" else FR_DAYS),
    "month": lambda a: a.rng.choice(EN_MONTHS if a.lang == "en" else FR_MONTHS),
    "d": lambda a: a.rng.randrange(1, 29),
    "media": lambda a: a.rng.choice(MEDIA_EN if a.lang == "en" else MEDIA_FR),
    "name": lambda a: a.c.name,
    "money": lambda a: a.money(bound=False),
    "small": lambda a: a.money(val=a.rng.randrange(2, 90) * 1e6, bound=False),
    "hours": lambda a: a.rng.choice((24, 35, 36, 38, 40, 48)),
    "temp": lambda a: a.rng.randrange(36, 45),
    "count": lambda a: a.rng.randrange(3, 70),
}


def _fields(t):
    import string
    return tuple(sorted({f for _, f, _, _ in string.Formatter().parse(t) if f}))


class Article:
    """What one article is about, and the sentences that tell it."""

    def __init__(self, rng, lang):
        self.rng = rng
        self.lang = lang
        self.en = lang == "en"
        self.apos = "’" if not self.en and rng.random() < 0.4 else "'"
        self.c = rng.choice(COMPANIES)
        others = []
        while len(others) < 3:
            o = rng.choice(COMPANIES)
            if o is not self.c and o not in others:
                others.append(o)
        self.others = others
        self.country = self.pick_target_country()
        cities = [p for p in CITIES_OF.get(self.country.key, []) if p.kind == "city"]
        self.city = rng.choice(cities) if cities else rng.choice(CITIES)
        self.year = rng.choice((2024, 2025, 2026, 2026, 2027))
        self.cur = self.pick_currency()
        self.main_val = pick_amount(rng)
        self.headcount = pick_headcount(rng)
        self.main_jobs = min(pick_jobs(rng), max(20, self.headcount // 4 // 10 * 10))
        self.people = [self.c.ceo]
        self.named = False
        self.fillers = []
        self.cycles = {}
        self.since = rng.randrange(1960, 2016)
        self.founded = rng.randrange(1920, self.since + 1)
        self.founder = new_person(rng, lang)

    def cycle(self, key, n):
        """0 .. N-1 in an order of its own for each article: variants of a
        sentence come back only once all have been used."""
        order = self.cycles.get(key)
        if not order:
            order = self.cycles[key] = list(range(n))
            self.rng.shuffle(order)
        return order.pop()

    def pick_target_country(self):
        rng = self.rng
        if rng.random() < 0.35:
            return self.c.home
        if not self.en and rng.random() < 0.4:
            return PLACE["France"]
        return rng.choice(COUNTRIES)

    def pick_currency(self):
        k = self.country.key
        if self.rng.random() < 0.1:
            return self.rng.choice(("USD", "EUR", "GBP", "CHF", "JPY"))
        if k in ("United States", "Canada", "Mexico", "Brazil", "India", "China", "Vietnam"):
            return "USD"
        return {"United Kingdom": "GBP", "Switzerland": "CHF", "Japan": "JPY"}.get(k, "EUR")

    # --- names, numbers, places ---------------------------------------------

    def cname(self, c=None):
        """A company's name, with its legal form the first time, sometimes."""
        c = c or self.c
        if c is self.c and not self.named:
            self.named = True
            if c.legal and (c.legal_often or self.rng.random() < 0.3):
                return c.full()
            return c.name
        if c.legal and self.rng.random() < 0.08:
            return c.full()
        return c.name

    def poss(self, name):
        return name + "'" if self.en and name.endswith("s") and self.rng.random() < 0.5 else name + "'s"

    def ticker(self):
        if self.c.ticker and self.rng.random() < 0.6:
            return f" ({self.c.ticker})"
        return ""

    def subject(self, coref=True, lower=False):
        """The company, or a phrase pointing back to it."""
        rng = self.rng
        if coref and self.named and rng.random() < 0.35:
            if self.en:
                s = rng.choice(("The company", "The group", "The firm", "The " + self.c.sector[9]))
            else:
                s = rng.choice(("Le groupe", "L'entreprise", "La société", "L'industriel"))
            return lower1(s) if lower else s
        return self.cname()

    def person(self, new_prob=0.55):
        if self.rng.random() > new_prob:
            return self.rng.choice(self.people)
        p = new_person(self.rng, self.lang)
        self.people.append(p)
        return p

    def money(self, big=False, bound=True, val=None, cur=None):
        val = val if val is not None else pick_amount(self.rng, big)
        cur = cur or self.cur
        if self.en:
            return money_en(self.rng, cur, val, bound)
        return money_fr(self.rng, cur, val, self.apos, bound)

    def jobs(self):
        return min(pick_jobs(self.rng), max(20, self.headcount // 3 // 10 * 10))

    def num(self, n):
        return en_int(n) if self.en else fr_int(self.rng, n)

    def date(self):
        rng = self.rng
        r = rng.random()
        if self.en:
            if r < 0.7:
                return "on " + rng.choice(EN_DAYS)
            if r < 0.9:
                return f"on {rng.choice(EN_MONTHS)} {rng.randrange(1, 29)}"
            return rng.choice(("last week", "this week", "late on Tuesday", "earlier this month"))
        if r < 0.7:
            return rng.choice(FR_DAYS)
        if r < 0.9:
            return f"le {rng.randrange(1, 29)} {rng.choice(FR_MONTHS)}"
        return rng.choice(("la semaine dernière", "cette semaine", "mardi soir", "en début de mois"))

    def where(self, city_prob=0.5):
        """"in Lyon, France", "in Spain"; « à Lyon », « en Espagne »."""
        rng = self.rng
        r = rng.random()
        c = self.city
        if r < city_prob:
            if self.en:
                return f"in {c.en}, {PLACE[c.country].en}" if rng.random() < 0.5 else f"in {c.en}"
            return f"à {c.fr}, {PLACE[c.country].fr_in}" if rng.random() < 0.4 else f"à {c.fr}"
        if r < city_prob + 0.06 and self.country.key in TOWNS:
            town = rng.choice(TOWNS[self.country.key])
            return f"in {town}, {self.country.en}" if self.en else f"à {town}, {self.country.fr_in}"
        return f"in {self.country.en}" if self.en else self.country.fr_in

    def fac(self):
        return self.rng.choice(self.c.sector[5] if self.en else self.c.sector[6])

    def filler(self):
        if not self.fillers:
            self.fillers = list(EN_FILLER_T if self.en else FR_FILLER_T)
            self.rng.shuffle(self.fillers)
        t, fields = self.fillers.pop()
        return t.format(**{f: FILLER_FIELDS[f](self) for f in fields})

    # --- English ------------------------------------------------------------

    def en_desc(self, c=None):
        c = c or self.c
        return self.rng.choice(c.sector[3])

    def en_lead_desc(self):
        """", the Hamburg-based wind developer,", or nothing."""
        rng, c = self.rng, self.c
        r = rng.random()
        if r < 0.3:
            return f", the {c.hq.en}-based {self.en_desc()},"
        if r < 0.45 and c.home.en_adj:
            return f", the {c.home.en_adj} {self.en_desc()},"
        if r < 0.52:
            return f", a unit of {self.cname(self.others[2])},"
        if r < 0.6:
            return f", which is headquartered in {c.hq.en},"
        return ""

    def en_invest(self, lead=False):
        rng = self.rng
        who = self.cname() + self.ticker() if lead else self.subject()
        m = self.money(val=self.main_val) if lead else self.money(big=rng.random() < 0.2)
        year = self.year + rng.choice((2, 3, 5))
        desc = self.en_lead_desc() if lead else ""
        r = rng.random()
        if r < 0.18:
            return (f"{who}{desc} said {self.date()} it will invest {m} {self.where()} over the "
                    f"next {rng.choice(('three', 'four', 'five', 'six'))} years.")
        if r < 0.32 and self.country.en_adj:
            return (f"{who}{desc} plans to invest {m} in its {self.country.en_adj} operations "
                    f"by {year}, the company said {self.date()}.")
        if r < 0.46:
            return (f"{who}{desc} is to pour {m} into a new {self.fac()} {self.where(0.8)}, "
                    f"which it expects to open in {year}.")
        if r < 0.58:
            return (f"{who}{desc} announced an investment of {m} {self.where()}, part of a plan "
                    f"to expand production of {self.c.sector[7]}.")
        if r < 0.7:
            return (f"{who} will inject {m} into its {self.fac()}s {self.where(0.3)} by {year}, "
                    f"{rng.choice(('a spokesman', 'a spokeswoman', 'the company', 'two people familiar with the plan'))} said.")
        if r < 0.8:
            return (f"{who} said it would invest {m} {self.where()} to make {self.c.sector[7]} "
                    f"for customers across {rng.choice(('Europe', 'the region', 'North America', 'Asia'))}.")
        if r < 0.9:
            return (f"{who} intends to invest {m} in new {self.fac()}s {self.where(0.4)} "
                    f"between {self.year} and {year}.")
        return (f"{self.poss(self.cname())} planned {m} investment {self.where()} will be its "
                f"largest since {rng.randrange(1998, 2020)}.")

    def en_acquire(self, lead=False):
        rng = self.rng
        who = self.cname() + self.ticker() if lead else self.cname()
        t = self.others[0]
        tdesc = f"{t.home.en_adj} {self.en_desc(t)} " if rng.random() < 0.4 and t.home.en_adj else ""
        tn = self.cname(t)
        m = self.money(val=self.main_val) if lead else self.money()
        r = rng.random()
        if r < 0.22:
            return f"{who} agreed to buy {tdesc}{tn} for {m}, the companies said {self.date()}."
        if r < 0.4:
            return f"{who} has agreed to acquire {tdesc}{tn} in a deal valued at {m}, including debt."
        if r < 0.55:
            return f"{who} said {self.date()} it would take over {tn} for {m} in cash."
        if r < 0.68:
            return (f"{tn}, the {t.hq.en}-based {self.en_desc(t)}, will be bought by "
                    f"{self.cname()} for {m}.")
        if r < 0.8:
            return f"{who} completed its acquisition of {tn} {self.date()}, paying {m} for the business."
        if r < 0.9:
            return f"{who} bought {tdesc}{tn} for {m} in {self.year - rng.randrange(1, 6)}."
        return (f"{who} agreed to purchase {tn}, which employs {self.num(pick_jobs(rng))} people, "
                f"for {m}.")

    def en_cut(self, lead=False):
        rng = self.rng
        who = self.cname() + self.ticker() if lead else self.subject()
        n = self.num(self.main_jobs if lead else self.jobs())
        noun = rng.choice(("jobs", "jobs", "positions", "roles", "posts"))
        desc = self.en_lead_desc() if lead else ""
        r = rng.random()
        if r < 0.2:
            return (f"{who}{desc} said {self.date()} it will cut {n} {noun} {self.where(0.4)} "
                    f"as demand for {self.c.sector[7]} slows.")
        if r < 0.38:
            return (f"{who}{desc} plans to eliminate {n} {noun} at its {self.fac()} "
                    f"{self.where(0.9)} by the end of {self.year}.")
        if r < 0.52:
            return f"{who} will lay off {n} workers {self.where()}, according to a union official."
        if r < 0.66:
            return (f"{who} announced {n} redundancies {self.where(0.2)}, blaming higher energy "
                    f"costs and weaker orders.")
        if r < 0.8:
            return f"{who} is to shed {n} {noun} {self.where()} under a restructuring plan."
        if r < 0.9:
            return f"{who} has axed {n} {noun} {self.where()} since {self.year - 1}."
        return f"The cuts at {self.cname()}, which affect {n} {noun} {self.where()}, will be completed by {self.year + 1}."

    def en_hire(self, lead=False):
        rng = self.rng
        who = self.cname() + self.ticker() if lead else self.subject()
        n = self.num(self.main_jobs if lead else self.jobs())
        desc = self.en_lead_desc() if lead else ""
        r = rng.random()
        if r < 0.22:
            return (f"{who}{desc} said {self.date()} it will create {n} jobs {self.where()} "
                    f"by {self.year + rng.randrange(1, 4)}.")
        if r < 0.4:
            return (f"{who}{desc} plans to hire {n} "
                    f"{rng.choice(('engineers', 'people', 'workers', 'staff'))} {self.where(0.6)}.")
        if r < 0.55:
            return (f"The project is expected to create about {n} direct jobs, and "
                    f"{self.subject(lower=True)} said more positions could follow at local suppliers.")
        if r < 0.7:
            return f"{who} expects to add {n} new jobs at its {self.fac()} {self.where(0.9)}."
        if r < 0.85:
            return (f"{who} will recruit {n} {rng.choice(('technicians', 'engineers', 'people'))} "
                    f"{self.where(0.5)} over the next two years.")
        return f"{who} is hiring {n} staff {self.where()} to cope with record orders."

    def en_workforce(self):
        rng = self.rng
        who = self.subject()
        n = self.num(self.headcount)
        r = rng.random()
        if r < 0.3:
            return f"{who} employs about {n} people worldwide."
        if r < 0.5:
            return (f"{who}, which employs {n} people, reported revenue of "
                    f"{self.money(bound=False)} last year.")
        if r < 0.7:
            return f"{who} has a workforce of {n}, most of them in {self.c.home.en}."
        if r < 0.85:
            return f"{who} employs more than {n} staff in {self.c.home.en} and abroad."
        return f"{who} currently has {n} employees and operates {rng.randrange(3, 60)} sites."

    def en_manager(self):
        rng = self.rng
        p = self.person()
        q = EN_QUOTES[self.cycle("quote", len(EN_QUOTES))].format(place=self.country.en, adj=self.country.en_adj or "local",
                                         products=self.c.sector[7])
        cn = self.cname()
        r = rng.random()
        if r < 0.25:
            return f"\"{said_q(q)}\" said {p.full()}, {rng.choice(EN_TITLES_TOP)} of {cn}."
        if r < 0.4:
            return (f"\"{said_q(q)}\" said {p.full()}, {self.poss(cn)} "
                    f"{rng.choice(EN_COUNTRY_TITLES)} for {self.country.en}.")
        if r < 0.55:
            return f"{self.poss(cn)} {rng.choice(EN_TITLES)}, {p.full()}, told reporters: \"{q}\""
        if r < 0.7:
            return f"\"{said_q(q)}\" {p.full()}, {rng.choice(EN_TITLES)} at {cn}, said in a statement."
        if r < 0.82:
            return (f"According to {p.full()}, {rng.choice(EN_TITLES_TOP)} of {cn}, the decision "
                    f"was taken after {rng.choice(('months', 'a year', 'weeks'))} of talks.")
        if r < 0.92:
            if rng.random() < 0.3 and self.country.en_adj:
                return (f"\"{said_q(q)}\" said {p.full()}, {self.poss(cn)} "
                        f"{self.country.en_adj} {rng.choice(EN_COUNTRY_TITLES)}.")
            return (f"\"{said_q(q)}\" said {p.full()}, {cn} {self.country.en.replace('the ', '')} "
                    f"{rng.choice(EN_COUNTRY_TITLES)}.")
        return (f"{p.full()}, who became {rng.choice(EN_TITLES_TOP)} of {cn} in "
                f"{self.year - rng.randrange(1, 8)}, said: \"{q}\"")

    def en_event(self):
        rng = self.rng
        ev = f"{rng.choice(EVENT_TOPICS_EN)} {rng.choice(EVENT_WORDS_EN)}"
        if rng.random() < 0.5:
            ev += f" {self.year}"
        city = rng.choice(CITIES)
        cn = self.subject()
        r = rng.random()
        if r < 0.35:
            d = rng.randrange(1, 25)
            return (f"{cn} will present the project at the {ev}, held in {city.en} "
                    f"from {rng.choice(EN_MONTHS)} {d} to {d + 2}.")
        if r < 0.65:
            return f"{cn} unveiled the plan at the {ev} in {city.en}, where it showed {self.c.sector[7]}."
        if r < 0.85:
            return f"Among the exhibitors at the {ev} were {self.cname()} and {self.cname(self.others[1])}."
        return f"{cn} is taking part in the {ev} alongside {self.cname(self.others[1])}."

    def en_background(self):
        rng, c = self.rng, self.c
        k = self.cycle("background", 7)
        if k == 0:
            return f"{self.cname()} is headquartered in {c.hq.en} and is listed in {c.home.en}."
        if k == 1:
            return f"{self.cname()} is a subsidiary of {self.cname(self.others[2])}."
        if k == 2:
            return (f"It competes with {self.cname(self.others[0])} and {self.cname(self.others[1])} "
                    f"in {rng.choice(('Europe', 'North America', 'the market for ' + c.sector[7]))}.")
        if k == 3:
            return (f"Founded in {self.founded} by {self.founder.full()}, "
                    f"{self.cname()} makes {c.sector[7]}.")
        if k == 4:
            return (f"The move puts {self.cname()} in more direct competition with its rival "
                    f"{self.cname(self.others[1])}.")
        if k == 5:
            return (f"{self.poss(self.cname(self.others[2]))} {self.en_desc()} unit, "
                    f"{self.cname()}, has {rng.randrange(3, 40)} sites in {c.home.en}.")
        return f"{self.cname()} is based in {c.hq.en}, where it has been since {self.since}."

    def en_headline(self, kind):
        rng, c = self.rng, self.c
        if kind == "invest":
            m = self.money(val=self.main_val, bound=False)
            forms = [f"{c.name} to invest {m} in {self.country.en}",
                     f"{c.name} plans {m} {self.country.en_adj or self.country.en} expansion",
                     f"{c.name} bets {m} on {self.country.en}"]
        elif kind == "acquire":
            forms = [f"{c.name} to buy {self.others[0].name} for {self.money(val=self.main_val, bound=False)}",
                     f"{c.name} agrees {self.others[0].name} takeover",
                     f"{c.name} snaps up {self.others[0].name} in {self.money(val=self.main_val, bound=False)} deal"]
        elif kind == "cut":
            n = self.num(self.main_jobs)
            forms = [f"{c.name} to cut {n} jobs as demand weakens",
                     f"{c.name} axes {n} jobs in {self.country.en}",
                     f"Unions protest as {c.name} plans {n} layoffs"]
        elif kind == "hire":
            n = self.num(self.main_jobs)
            forms = [f"{c.name} to create {n} jobs in {self.country.en}",
                     f"{c.name} hiring spree: {n} new posts",
                     f"{c.name} plans {n} jobs at new {self.fac()}"]
        else:
            forms = [f"{c.name} steps up presence in {self.country.en}",
                     f"What {self.poss(c.name)} strategy means for {self.country.en}",
                     f"{c.name} shares rise after upbeat outlook"]
        return rng.choice(forms)

    # --- French -------------------------------------------------------------

    def fr_desc(self, c=None):
        return self.rng.choice((c or self.c).sector[4])

    def fr_invest(self, lead=False):
        rng = self.rng
        who = self.cname() + self.ticker() if lead else self.subject()
        m = self.money(val=self.main_val) if lead else self.money(big=rng.random() < 0.2)
        year = self.year + rng.choice((2, 3, 5))
        fac, g = self.fac()
        r = rng.random()
        if r < 0.18:
            return f"{who} va investir {m} {self.where()} d'ici {year}, a annoncé {self.date()} {self.fr_desc()}."
        if r < 0.32:
            return (f"{who} a annoncé {self.date()} son intention d'investir {m} dans "
                    f"{fr_son(fac, g)} {fr_de(self.city.fr, self.apos)}, {PLACE[self.city.country].fr_in}.")
        if r < 0.44 and self.country.fr_adj_fp:
            return f"{who} compte investir {m} dans ses usines {self.country.fr_adj_fp} d'ici {year}."
        if r < 0.56:
            return (f"{who} injectera {m} dans ses {rng.choice(('sites', 'usines', 'activités'))} "
                    f"{self.where(0.3)}, selon un communiqué publié {self.date()}.")
        if r < 0.68:
            return (f"{who} consacrera {m} à la construction d'une nouvelle "
                    f"{rng.choice(('usine', 'unité de production', 'plateforme'))} {self.where(0.8)}, "
                    f"qui doit ouvrir en {year}.")
        if r < 0.8:
            return (f"{self.fr_desc().capitalize()} {self.cname()} prévoit d'investir {m} {self.where()} "
                    f"au cours des {rng.choice(('trois', 'quatre', 'cinq'))} prochaines années.")
        if r < 0.9:
            return f"{who} a investi {m} {self.where()} depuis {self.year - rng.randrange(2, 8)}."
        return (f"L'investissement de {m} annoncé par {self.cname()} {self.where()} doit permettre "
                f"de produire {self.c.sector[8]}.")

    def fr_acquire(self, lead=False):
        rng = self.rng
        who = self.cname() + self.ticker() if lead else self.cname()
        t = self.others[0]
        tn = self.cname(t)
        tdesc = ""
        if rng.random() < 0.4 and t.home.fr_adj_m:
            adj = t.home.fr_adj_m
            tdesc = f"l'{adj} " if adj[0] in "aeiouéèê" else f"le {adj} "
        m = self.money(val=self.main_val) if lead else self.money()
        r = rng.random()
        if r < 0.22:
            return f"{who} rachète {tdesc}{tn} pour {m}, a annoncé {self.date()} {self.fr_desc()}."
        if r < 0.4:
            return f"{who} a annoncé {self.date()} l'acquisition de {tn} pour un montant de {m}."
        if r < 0.55:
            return f"{who} va racheter {tdesc}{tn}, {self.fr_desc(t)} basé à {t.hq.fr}, pour {m}."
        if r < 0.68:
            return f"{who} met la main sur {tn} pour {m}."
        if r < 0.8:
            return f"{who} s'offre {tdesc}{tn} pour {m}, une opération qui doit être finalisée d'ici la fin de l'année."
        if r < 0.9:
            return f"Le rachat de {tn} par {self.cname()} pour {m} a été validé par les autorités de la concurrence."
        return f"{who} avait déjà acquis {tn} en {self.year - rng.randrange(1, 6)} pour {m}."

    def fr_cut(self, lead=False):
        rng = self.rng
        who = self.cname() + self.ticker() if lead else self.subject()
        n = self.num(self.main_jobs if lead else self.jobs())
        fac, g = self.fac()
        r = rng.random()
        if r < 0.22:
            return f"{who} va supprimer {n} postes {self.where(0.4)}, a annoncé {self.date()} la direction."
        if r < 0.38:
            return f"{who} prévoit {n} suppressions d'emplois {self.where(0.3)} d'ici {self.year + 1}."
        if r < 0.52:
            return f"{who} a présenté aux syndicats un plan social de {n} postes sur son site {fr_de(self.city.fr, self.apos)}."
        if r < 0.66:
            return f"{who} va licencier {n} salariés dans {fr_son(fac, g)} {fr_de(self.city.fr, self.apos)}."
        if r < 0.8:
            return f"{who} supprimera {n} emplois {self.where()} dans le cadre de son plan de restructuration."
        if r < 0.9:
            return f"{who} a déjà supprimé {n} postes {self.where()} l'an dernier."
        return f"La suppression de {n} postes {self.where()} chez {self.cname()} inquiète les élus locaux."

    def fr_hire(self, lead=False):
        rng = self.rng
        who = self.cname() + self.ticker() if lead else self.subject()
        n = self.num(self.main_jobs if lead else self.jobs())
        r = rng.random()
        if r < 0.22:
            return f"{who} va créer {n} emplois {self.where()} d'ici {self.year + rng.randrange(1, 4)}."
        if r < 0.4:
            return (f"{who} prévoit de recruter {n} "
                    f"{rng.choice(('personnes', 'ingénieurs', 'techniciens', 'salariés'))} {self.where(0.6)}.")
        if r < 0.55:
            return f"Le projet doit créer environ {n} emplois directs, selon {self.cname()}."
        if r < 0.7:
            return f"{who} embauchera {n} personnes {self.where(0.7)} au cours des deux prochaines années."
        if r < 0.85:
            return f"{who} annonce {n} embauches {self.where()} pour accompagner la hausse de sa production."
        return f"La création de {n} postes {self.where()} par {self.cname()} est attendue dès {self.year + 1}."

    def fr_workforce(self):
        rng = self.rng
        who = self.subject()
        n = self.num(self.headcount)
        r = rng.random()
        if r < 0.3:
            return f"{who} emploie environ {n} personnes dans le monde."
        if r < 0.5:
            return (f"{who}, qui compte {n} salariés, a réalisé un chiffre d'affaires de "
                    f"{self.money(bound=False)} l'an dernier.")
        if r < 0.7:
            return f"{who} emploie {n} collaborateurs, dont une majorité {self.c.home.fr_in}."
        if r < 0.85:
            return f"{who} compte près de {n} salariés {self.c.home.fr_in} et à l'étranger."
        return f"Les effectifs de {self.cname()} atteignent {n} personnes."

    def fr_title(self, pool, p):
        m, f = self.rng.choice(pool)
        return f if p.female else m

    def fr_manager(self):
        rng = self.rng
        p = self.person()
        q = FR_QUOTES[self.cycle("quote", len(FR_QUOTES))].format(place=self.country.fr, products=self.c.sector[8])
        qq = q[:-1] if q.endswith(".") else q
        cn = self.cname()
        said = rng.choice(("a déclaré", "a expliqué", "a affirmé", "a souligné", "a indiqué"))
        said_f = rng.choice(("déclare", "explique", "affirme", "souligne"))
        r = rng.random()
        if r < 0.28:
            return f"« {qq} », {said} {p.full()}, {self.fr_title(FR_TITLES_TOP, p)} {fr_de(cn, self.apos)}."
        if r < 0.43:
            return (f"« {qq} », {said} {p.full()}, {self.fr_title(FR_COUNTRY_TITLES, p)} "
                    f"{fr_de(cn, self.apos)} {self.country.fr}.")
        if r < 0.58:
            return f"Selon {p.full()}, {self.fr_title(FR_TITLES, p)} {fr_de(cn, self.apos)}, « {lower1(qq)} »."
        if r < 0.72:
            return f"{p.full()}, {self.fr_title(FR_TITLES, p)} du groupe {cn}, {said_f} : « {qq} »."
        if r < 0.86:
            return f"« {qq} », {said_f} {p.full()}, {self.fr_title(FR_TITLES_TOP, p)} {fr_de(cn, self.apos)}."
        return (f"{'Mme' if p.female else 'M.'} {p.last}, {self.fr_title(FR_TITLES_TOP, p)} "
                f"{fr_de(cn, self.apos)}, a précisé que les travaux débuteraient en {self.year + 1}.")

    def fr_event(self):
        rng = self.rng
        w = rng.choice(EVENT_WORDS_FR)
        topic = rng.choice(EVENT_TOPICS_FR)
        ev = f"{w} {topic}"
        if rng.random() < 0.5:
            ev += f" {self.year}"
        plural = w in ("Rencontres", "Journées")
        au, du = ("aux", "des") if plural else ("au", "du")
        city = rng.choice(CITIES)
        cn = self.subject()
        r = rng.random()
        if r < 0.35:
            d = rng.randrange(1, 25)
            return (f"{cn} présentera le projet lors {du} {ev}, qui se tiendra à {city.fr} "
                    f"du {d} au {d + 2} {rng.choice(FR_MONTHS)}.")
        if r < 0.65:
            return (f"{cn} participera {au} {ev}, organisé{'es' if plural else ''} à {city.fr}, aux côtés "
                    f"{fr_de(self.cname(self.others[1]), self.apos)}.")
        if r < 0.85:
            return f"Parmi les exposants {du} {ev} figurent {self.cname()} et {self.cname(self.others[1])}."
        return f"{self.cname()} a dévoilé son plan en marge {du} {ev}, à {city.fr}."

    def fr_background(self):
        c = self.c
        k = self.cycle("background", 7)
        if k == 0:
            return f"{self.cname()}, dont le siège est à {c.hq.fr}, est coté {c.home.fr_in}."
        if k == 1:
            return f"{self.cname()} est une filiale {fr_de(self.cname(self.others[2]), self.apos)}."
        if k == 2:
            return (f"Le groupe fait face à la concurrence {fr_de(self.cname(self.others[0]), self.apos)} "
                    f"et {fr_de(self.cname(self.others[1]), self.apos)}.")
        if k == 3:
            return (f"Fondée en {self.founded} par {self.founder.full()}, "
                    f"la société fabrique {c.sector[8]}.")
        if k == 4:
            return f"{self.cname()} entend ainsi tenir tête à son concurrent {self.cname(self.others[1])}."
        if k == 5:
            return (f"{self.cname()} appartient au groupe {self.cname(self.others[2])} depuis "
                    f"{self.since}.")
        return f"{self.cname()} est basé à {c.hq.fr} depuis {self.since}."

    def fr_headline(self, kind):
        rng, c = self.rng, self.c
        if kind == "invest":
            m = self.money(val=self.main_val, bound=False)
            forms = [f"{c.name} va investir {m} {self.country.fr_in}",
                     f"{c.name} mise {m} sur {self.city.fr}",
                     f"Investissement : {c.name} débloque {m} {self.country.fr_in}"]
        elif kind == "acquire":
            forms = [f"{c.name} rachète {self.others[0].name} pour {self.money(val=self.main_val, bound=False)}",
                     f"{c.name} met la main sur {self.others[0].name}",
                     f"{c.name} s'offre {self.others[0].name}"]
        elif kind == "cut":
            n = self.num(self.main_jobs)
            forms = [f"{c.name} va supprimer {n} postes",
                     f"Plan social chez {c.name} : {n} emplois menacés",
                     f"{c.name} annonce {n} suppressions de postes {self.country.fr_in}"]
        elif kind == "hire":
            n = self.num(self.main_jobs)
            forms = [f"{c.name} va créer {n} emplois {self.country.fr_in}",
                     f"{c.name} prévoit {n} embauches",
                     f"{c.name} recrute {n} personnes à {self.city.fr}"]
        else:
            forms = [f"{c.name} renforce sa présence {self.country.fr_in}",
                     f"Ce que prépare {c.name} pour {self.year + 1}",
                     f"{c.name} : la Bourse salue des perspectives meilleures que prévu"]
        return rng.choice(forms)


EN_QUOTES = [
    "{place} offers us engineering talent, strong logistics links and a growing customer base.",
    "This is the largest commitment we have ever made outside our home market.",
    "We need a smaller, stronger network to compete in a market that has changed for good.",
    "These are difficult decisions, and they affect colleagues who have given a great deal to this company.",
    "Our customers want shorter lead times, and building close to them is the best way to deliver that.",
    "The {adj} market has been one of our fastest growing for three years in a row.",
    "We are confident this deal creates a stronger business for customers and shareholders alike.",
    "Demand for {products} is not going away, but it is moving, and we have to move with it.",
    "We expect the new lines to be running at full speed within eighteen months.",
    "Energy prices remain the single biggest challenge for our plants.",
    "We will support every affected employee with training and help finding new roles.",
    "This investment is a vote of confidence in {place} and in the people who work for us there.",
    "We have looked at several options and this one made the most sense.",
    "The integration will take time, but the two teams already know each other well.",
    "Nobody should expect a quick fix, but the direction is now clear.",
    "We were running three half-empty plants, and that is not sustainable.",
    "Our order intake tells us the cycle has turned, so now is the time to build.",
    "We listened to our customers, to our staff and to the local authorities before deciding.",
]
FR_QUOTES = [
    "Nous voulons démontrer qu'il est possible de produire {products} de manière compétitive en Europe.",
    "C'est le plus important investissement de notre histoire hors de notre marché d'origine.",
    "Ces décisions sont difficiles, et nous accompagnerons chaque salarié concerné.",
    "Nos clients attendent des délais plus courts, et produire au plus près d'eux est la meilleure réponse.",
    "Ce rapprochement nous donne la taille critique face à la concurrence internationale.",
    "Le marché reste porteur, mais il faut s'adapter à des prix de l'énergie durablement élevés.",
    "Nous prévoyons une montée en cadence progressive jusqu'à la fin de la décennie.",
    "Cette opération renforce notre position et celle de nos équipes sur un marché en pleine mutation.",
    "Le territoire dispose des compétences, du foncier et des infrastructures nécessaires.",
    "Nous avons étudié plusieurs options, et celle-ci était de loin la plus solide.",
    "Nous ne fermerons aucun site, mais nous devons réduire nos coûts rapidement.",
    "La {place} est devenue l'un de nos marchés les plus dynamiques.",
    "Personne ne doit s'attendre à un redressement rapide, mais le cap est fixé.",
    "Nos carnets de commandes montrent que le cycle s'est retourné : c'est le moment d'investir.",
]
EN_FILLER = [
    "Shares in {name} rose {pct}% in early trading.",
    "The shares closed down {pct2}% at {price} on {day}, while the wider index ended at {pts} points.",
    "Analysts said the move reflects a wider push by manufacturers to bring production closer to customers.",
    "The company did not disclose whether it had received public subsidies.",
    "Construction is due to begin early next year, subject to planning approval.",
    "Inflation in {place} slowed to {pct2}% in the {q} quarter, official figures showed.",
    "Industry data show that output in the sector fell {pct}% in {prev} before recovering this year.",
    "The site already produces about {n} units a year.",
    "Local officials welcomed the announcement, saying it would strengthen the {adj} industrial base.",
    "Unions said they would study the details before deciding whether to call a strike.",
    "The plan still needs the approval of competition regulators, which could take {months} months.",
    "Margins narrowed to {pct}% last year as raw material costs climbed.",
    "\"It is a sensible step, but execution will be everything,\" said an analyst at a London brokerage.",
    "Demand for {products} has grown by roughly {pct}% a year since {prev}.",
    "Net profit came in at {small} in the {q} quarter, up {pct}% on a year earlier.",
    "About {k}% of the output will be exported, mostly to neighbouring countries.",
    "Installed capacity will reach {gw} gigawatts once the project is completed.",
    "A spokesperson declined to comment on the timing of further announcements.",
    "The news was first reported by {media} earlier in the week.",
    "Orders rose for a {k}th consecutive month in {prev}, the latest survey showed.",
    "The regional government has offered land, training grants and faster permits to attract new plants.",
    "Rivals have announced similar projects in the past year, adding pressure on prices.",
    "The unemployment rate in the area stands at {pct}%, above the national average.",
    "Talks with suppliers are continuing, and a final decision is expected within {months} months.",
    "Electricity prices, which tripled in {prev}, have since fallen back by about {pct}%.",
    "The order book stood at {k} months of production at the end of {prev}.",
    "The first production lines are expected to run by the end of {next}.",
    "Workers at the site voted on {month} {d} to accept a {hours}-hour week.",
    "The town has a population of about {n} and relies heavily on two large employers.",
    "Freight rates on the main Asia-Europe route rose {pct}% in the week to {day}.",
    "The central bank left its key rate unchanged at {pct2}% at its {month} meeting.",
    "The business has {count} customers in the aerospace and energy industries.",
    "A heatwave pushed temperatures to {temp} degrees last summer, halting production for three days.",
    "Revenue for the year is expected to be flat at about {money}.",
    "The company will publish its full-year results on {month} {d}.",
    "Its previous plan, announced in {prev}, was delayed by supply shortages.",
    "Several board members had pushed for a faster sale of non-core assets.",
    "Customers include hospitals, utilities and about {count} municipalities.",
    "The group has cut its debt by {pct}% over the past two years.",
    "Critics say the subsidies on offer are too small to change the calculation for large investors.",
]
FR_FILLER = [
    "L'action {name} a progressé de {pct} % à la Bourse après l'annonce.",
    "Le titre a terminé la séance de {day} en baisse de {pct2} %, à {price} euros, alors que l'indice finissait à {pts} points.",
    "Les analystes y voient le signe d'un mouvement plus large de relocalisation industrielle.",
    "L'entreprise n'a pas précisé si elle bénéficierait d'aides publiques.",
    "Les travaux doivent commencer au début de l'année prochaine, sous réserve des autorisations.",
    "L'inflation {place_in} a ralenti à {pct2} % au {q} trimestre, selon les chiffres officiels.",
    "La production du secteur avait reculé de {pct} % en {prev} avant de se redresser cette année.",
    "Le site produit déjà environ {n} unités par an.",
    "Les élus locaux ont salué une bonne nouvelle pour le territoire.",
    "Les syndicats disent vouloir étudier le dossier avant de décider d'un éventuel mouvement de grève.",
    "L'opération doit encore recevoir le feu vert des autorités de la concurrence, ce qui pourrait prendre {months} mois.",
    "La marge opérationnelle s'est réduite à {pct} % l'an dernier sous l'effet de la hausse des matières premières.",
    "« C'est une décision logique, mais tout dépendra de l'exécution », estime un analyste parisien.",
    "La demande progresse d'environ {pct} % par an depuis {prev}.",
    "Le bénéfice net s'est établi à {small} au {q} trimestre, en hausse de {pct} % sur un an.",
    "Environ {k} % de la production sera exportée, principalement vers les pays voisins.",
    "La capacité installée atteindra {gw} gigawatts une fois le projet achevé.",
    "Interrogée, la direction n'a pas souhaité commenter le calendrier.",
    "L'information avait été révélée en début de semaine par {media}.",
    "Le taux de chômage dans le bassin d'emploi atteint {pct} %, au-dessus de la moyenne nationale.",
    "La région a proposé du foncier, des aides à la formation et des procédures accélérées.",
    "Les discussions avec les fournisseurs se poursuivent, et une décision définitive est attendue d'ici {months} mois.",
    "Les prix de l'électricité, qui avaient triplé en {prev}, ont depuis reculé d'environ {pct} %.",
    "Le carnet de commandes représentait {k} mois de production fin {prev}.",
    "Les premières lignes de production doivent démarrer fin {next}.",
    "Les salariés du site ont approuvé le {d} {month} un accord sur une semaine de {hours} heures.",
    "La commune compte environ {n} habitants et dépend largement de deux grands employeurs.",
    "Le taux directeur de la banque centrale est resté inchangé à {pct2} % lors de la réunion de {month}.",
    "L'entreprise compte {count} clients dans l'aéronautique et l'énergie.",
    "La canicule de l'été dernier, avec des pointes à {temp} degrés, avait interrompu la production pendant trois jours.",
    "Le chiffre d'affaires annuel devrait rester stable, autour de {money}.",
    "Les résultats annuels seront publiés le {d} {month}.",
    "Le précédent plan, présenté en {prev}, avait été retardé par des pénuries de composants.",
    "Plusieurs administrateurs plaidaient pour une cession plus rapide des actifs non stratégiques.",
    "Parmi les clients figurent des hôpitaux, des syndicats d'énergie et une {count}aine de communes.",
    "Le groupe a réduit sa dette de {pct} % en deux ans.",
    "Pour les détracteurs du projet, les aides publiques restent trop modestes pour peser sur les décisions des grands investisseurs.",
]
EN_FILLER_T = [(t, _fields(t)) for t in EN_FILLER]
FR_FILLER_T = [(t, _fields(t)) for t in FR_FILLER]
EN_FURNITURE = ["Also read: Five industrial start-ups to watch this year",
                "Read more: How energy prices are reshaping European industry",
                "Related: The companies betting on reshoring",
                "Share this article", "Sign up for our morning newsletter"]
FR_FURNITURE = ["Lire aussi : Les start-up industrielles à suivre cette année",
                "Partager cet article", "Publicité",
                "Inscrivez-vous à notre newsletter Industrie"]

KINDS = ("invest", "acquire", "cut", "hire", "other")
KIND_WEIGHTS = (30, 20, 20, 20, 10)
MAKERS = ("invest", "hire", "cut", "workforce", "acquire", "manager", "event", "background")
MAKER_WEIGHTS = (14, 12, 7, 10, 4, 20, 9, 24)


def article(rng):
    """One article, as text."""
    lang = "en" if rng.random() < 0.6 else "fr"
    a = Article(rng, lang)
    en = a.en
    kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
    target = int(rng.triangular(1700, 6200, 3000))
    pre = "en_" if en else "fr_"
    make = {m: getattr(a, pre + m) for m in MAKERS}
    head = a.en_headline(kind) if en else a.fr_headline(kind)
    first = make[kind if kind != "other" else "invest"](lead=True)
    if rng.random() < 0.25:
        c = rng.choice(CITIES)
        if en:
            first = f"{c.en.upper()}, {rng.choice(EN_MONTHS)} {rng.randrange(1, 29)} (Staff) - " + first
        else:
            first = f"{c.fr.upper()}, {rng.randrange(1, 29)} {rng.choice(FR_MONTHS)} - " + first
    paras = [head, first + " " + a.filler()]
    # A related fact, then the voice of a manager, then background.
    second = {"invest": "hire", "other": "workforce", "acquire": "workforce"}.get(kind, "background")
    paras.append(make[second]() + " " + a.filler())
    paras.append(make["manager"]() + " " + a.filler())
    paras.append(a.filler() + " " + make["background"]())
    size = sum(len(p) + 2 for p in paras)
    while size < target:
        sents = []
        for _ in range(rng.randrange(1, 4)):
            if rng.random() < 0.6:
                sents.append(a.filler())
            else:
                sents.append(make[rng.choices(MAKERS, MAKER_WEIGHTS)[0]]())
        p = " ".join(sents)
        paras.append(p)
        size += len(p) + 2
    if rng.random() < 0.15:
        paras.append(rng.choice(EN_FURNITURE if en else FR_FURNITURE))
    text = "\n\n".join(paras) + "\n"
    if a.apos != "'":
        text = text.replace("'", a.apos)
    return text


# ----------------------------------------------------------------------------
# Writing the corpus.

def write_dir(out, seed, d, limit=FILES_PER_DIR):
    """Write folder D from its own seed, its first LIMIT articles; return
    the byte size of each file."""
    rng = random.Random(f"kgbuild-bench:{seed}:{d}")
    path = os.path.join(out, f"{d:03d}")
    os.makedirs(path, exist_ok=True)
    sizes = []
    for i in range(limit):
        data = article(rng).encode("utf-8")
        with open(os.path.join(path, f"{d * FILES_PER_DIR + i:06d}.txt"), "wb") as f:
            f.write(data)
        sizes.append(len(data))
    return sizes


def trim(out, d, keep):
    """Remove the files of folder D after its first KEEP."""
    path = os.path.join(out, f"{d:03d}")
    for i in range(keep, FILES_PER_DIR):
        try:
            os.unlink(os.path.join(path, f"{d * FILES_PER_DIR + i:06d}.txt"))
        except FileNotFoundError:
            pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float, required=True,
                    help="total size in MB (10^6 bytes)")
    ap.add_argument("--out", required=True, help="folder to write (replaced)")
    ap.add_argument("--seed", default="1", help="seed (default 1)")
    ap.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 8),
                    help="processes writing folders (default: the CPUs, at most 8)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    args = ap.parse_args()
    target = int(args.size_mb * 1e6)
    if target <= 0:
        ap.error("--size-mb must be positive")
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    t0 = time.time()
    total = files = 0
    jobs = max(1, args.jobs)
    # Folders are made in order (in parallel, a few ahead); the first whose
    # files reach the target is cut there, and any made ahead are removed.
    pool = None
    if jobs > 1:
        import multiprocessing
        pool = multiprocessing.get_context("fork").Pool(jobs)
    pending = []
    d = d_next = 0
    done = False
    try:
        while not done:
            if pool:
                # Keep the workers busy, but start no folder past the one
                # the target probably ends in (about 3.8 MB a folder)
                # until the last is done.
                while len(pending) < jobs + 1 and (d_next <= target // 3_800_000 or not pending):
                    pending.append(pool.apply_async(write_dir, (args.out, args.seed, d_next)))
                    d_next += 1
                sizes = pending.pop(0).get()
            else:
                # One process: guess how many files the last folder needs.
                left = target - total
                sizes = write_dir(args.out, args.seed, d,
                                  min(FILES_PER_DIR, max(1, int(left / 3000) + 50)))
                if len(sizes) < FILES_PER_DIR and sum(sizes) < left:
                    sizes += write_rest(args.out, args.seed, d, len(sizes))
                d_next = d + 1
            for i, s in enumerate(sizes):
                total += s
                files += 1
                if total >= target:
                    trim(args.out, d, i + 1)
                    done = True
                    break
            d += 1
            if not args.quiet and sys.stderr.isatty():
                secs = time.time() - t0
                sys.stderr.write(f"\rgen-corpus: {total / 1e6:.0f}/{target / 1e6:.0f} MB, "
                                 f"{total / 1e6 / max(secs, 1e-9):.1f} MB/s ")
                sys.stderr.flush()
        for p in pending:
            p.get()
    finally:
        if pool:
            pool.close()
            pool.join()
    for extra in range(d, d_next):
        shutil.rmtree(os.path.join(args.out, f"{extra:03d}"), ignore_errors=True)
    secs = time.time() - t0
    with open(os.path.join(args.out, "corpus.info"), "w") as f:
        f.write(f"generator\tgen-corpus.py {VERSION}\nsize_mb\t{args.size_mb:g}\n"
                f"seed\t{args.seed}\nfiles\t{files}\nbytes\t{total}\n")
    if not args.quiet:
        sys.stderr.write(f"\rgen-corpus: {files} files, {total / 1e6:.1f} MB in {secs:.1f} s "
                         f"({total / 1e6 / max(secs, 1e-9):.1f} MB/s) -> {args.out}\n")


def write_rest(out, seed, d, have):
    """The files of folder D after its first HAVE (same text as writing the
    whole folder at once)."""
    return write_dir(out, seed, d)[have:]


if __name__ == "__main__":
    main()
