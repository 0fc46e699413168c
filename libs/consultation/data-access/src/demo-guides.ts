import type { GuideContent } from '@aftersales/contracts/consultation';

/** The author the demo guides are recorded under: no account, the support team as a whole. */
export const DEMO_GUIDE_AUTHOR = '5e1f5e1f-0000-4000-8000-000000000000';

const AIR_COOLED = ['VolcMiner D1', 'VolcMiner D1 Lite', 'VolcMiner D1 Mini'];
const EVERY_MODEL = [...AIR_COOLED, 'VolcMiner D1 Hydro'];

const guide = (id: number, content: GuideContent) => ({
  id: `6d1e0000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  content,
});

/**
 * The guides `npm start` and the demo deployments publish, for the demo models: the faults mining farms
 * most often fix themselves. Steps follow the usual practice for air- and hydro-cooled ASIC miners; error
 * names follow the common `ERROR_…` style of miner status pages.
 */
export const demoGuides: { id: string; content: GuideContent }[] = [
  guide(1, {
    category: 'hash_board',
    models: EVERY_MODEL,
    symptoms: [
      '算力板未识别',
      '算力板掉线',
      '芯片数为 0',
      'hash board not detected',
      'ERROR_CHAIN_NOT_FOUND',
    ],
    title: {
      'zh-CN': '算力板未识别：一块或多块算力板不工作',
      en: 'Hash board not detected: one or more boards missing',
    },
    body: {
      'zh-CN': `**适用情况**：后台“状态”页少了一条链，某块算力板的算力或芯片数为 0，或日志提示找不到算力板。

> ⚠️ 操作前关闭电源、拔下电源线，等待 1 分钟再打开机箱，并佩戴防静电手环。

## 1. 记录现象
1. 在“状态”页记下缺失的是哪条链（Chain 1/2/3），以及其余链的芯片数和温度。
2. 在“日志”页保存内核日志，寄修或咨询时上传，能大大缩短诊断时间。

## 2. 检查排线（数据线）
1. 找到连接控制板与算力板的排线，拔下缺失链的排线。
2. 检查插针有无弯曲、氧化或烧蚀痕迹，然后重新插紧，两端都要到位。
3. **交叉测试**：把缺失链的排线与正常链的排线互换后上电。故障跟着排线走，说明排线损坏，更换排线即可。

## 3. 检查供电端子
1. 检查电源到这块算力板的供电端子或铜排螺丝是否松动。
2. 端子有发黑、熔化痕迹时**不要再通电**，直接发起工单寄修，继续使用可能烧毁电源和算力板。

## 4. 交叉测试控制板接口
把这块算力板的排线接到控制板另一个算力板接口。故障跟着接口走，问题在控制板。

## 5. 仍未解决
互换排线和接口后仍是同一块板不被识别，说明算力板本身故障，需要寄修。发起工单时请附上状态页截图和内核日志。`,
      en: `**When this applies**: the Status page shows one chain fewer than usual, a hash board reports 0 hashrate or 0 chips, or the log says a board was not found.

> ⚠️ Switch off and unplug the machine, wait one minute before opening it, and wear an antistatic wrist strap.

## 1. Record what you see
1. On the Status page, note which chain is missing (Chain 1/2/3) and the chip count and temperature of the others.
2. Save the kernel log from the Log page; attaching it to a consultation or mail-in shortens diagnosis a lot.

## 2. Check the ribbon (data) cable
1. Find the ribbon cable between the control board and the missing board, and unplug it.
2. Look for bent, oxidised or burnt pins, then plug it back in firmly at both ends.
3. **Swap test**: swap the missing board's cable with a working board's cable and power on. If the fault moves with the cable, the cable is bad: replace it.

## 3. Check the power terminals
1. Check that the screws of the power terminals or busbar feeding this board are tight.
2. If a terminal is blackened or melted, **do not power on again**: start a ticket and mail the machine in. Running it may destroy the PSU and the board.

## 4. Swap the control board port
Connect the board's cable to another hash board port of the control board. If the fault moves with the port, the control board is at fault.

## 5. Still not solved
If the same board stays undetected after swapping cable and port, the hash board itself is faulty and needs a repair. Attach a screenshot of the Status page and the kernel log when you start the ticket.`,
    },
  }),
  guide(2, {
    category: 'fan',
    models: AIR_COOLED,
    symptoms: ['ERROR_FAN_LOST', '风扇转速为 0', '风扇异响', 'fan speed 0 RPM', 'fan error'],
    title: {
      'zh-CN': '散热风扇故障：风扇报错、转速为 0 或异响',
      en: 'Cooling fan failure: fan error, 0 RPM or noise',
    },
    body: {
      'zh-CN': `**适用情况**：后台某个风扇转速显示 0 或明显低于其他风扇，矿机启动几分钟后停止挖矿，或风扇有摩擦、咔哒声。

矿机检测不到风扇时会停止算力板以免过热，这是保护动作，不是算力板损坏。

> ⚠️ 断电后再触碰风扇，扇叶停转前不要伸手。

## 1. 检查插头
1. 断电，找到报错风扇的 4 针插头，拔下后检查针脚，再重新插紧。
2. 上电观察该风扇转速是否恢复。

## 2. 清理灰尘和异物
1. 用压缩空气或吹风机冷风吹净扇叶和防护网，吹的时候用手指固定扇叶，避免高速反转损坏轴承。
2. 取出线扎、纸片等异物，确认扇叶能用手轻松转动、没有卡滞。

## 3. 交叉测试
把报错风扇的插头与正常风扇的插头互换：
- 报错跟着风扇走：风扇损坏，更换同型号、同规格（尺寸、电压、4 针 PWM）的风扇。
- 报错留在原接口：控制板风扇接口故障，需要寄修。

## 4. 不要屏蔽报警
请勿拔掉风扇、外接其他风扇或用工具屏蔽风扇检测，这会让算力板在没有散热的情况下运行并烧毁。`,
      en: `**When this applies**: the Status page shows a fan at 0 RPM or far slower than the others, the miner stops hashing a few minutes after start, or a fan grinds or clicks.

When the miner cannot see a fan it stops the hash boards so they do not overheat: that is protection, not a broken board.

> ⚠️ Power off before touching a fan, and keep your hands away until the blades have stopped.

## 1. Check the connector
1. Power off, unplug the failing fan's 4-pin connector, check its pins and plug it back in firmly.
2. Power on and see whether the fan speed comes back.

## 2. Clean out dust and debris
1. Blow the blades and guards clean with compressed air or a blower, holding the blades still so they do not spin up and wear the bearing.
2. Remove cable ties, paper or other debris, and check the blades turn freely by hand.

## 3. Swap test
Swap the failing fan's connector with a working fan's:
- The error follows the fan: the fan is broken. Replace it with the same size, voltage and 4-pin PWM type.
- The error stays on the port: the control board's fan port is faulty and needs a repair.

## 4. Do not bypass the alarm
Never unplug fans, run external fans instead or bypass the fan check with a tool: the boards would run without cooling and burn.`,
    },
  }),
  guide(3, {
    category: 'overheating',
    models: EVERY_MODEL,
    symptoms: ['ERROR_TEMP_TOO_HIGH', '过温保护', '芯片温度过高', 'overheat protection', 'high temperature'],
    title: {
      'zh-CN': '温度过高：过温保护、降频或自动停机',
      en: 'Overheating: over-temperature protection, throttling or shutdown',
    },
    body: {
      'zh-CN': `**适用情况**：后台温度接近或超过上限，矿机降频、算力下降，或提示过温后自动停机。

## 1. 检查进风温度和湿度
在矿机进风口测量温度。请以该型号规格书为准，风冷机型通常要求环境温度 5–35 °C、湿度 10%–90% 且无凝露。夏季午后是过温高发时段。

## 2. 检查气流
1. 矿机的出风口不能正对另一台矿机的进风口，热风回流会让进风温度迅速升高。
2. 冷热通道要隔开，出风口前方至少留出 1 米或用风道把热风排到室外。
3. 矿机之间、矿机与墙之间留出空隙，不要堆叠遮挡进风口。

## 3. 清洁散热片
断电后用压缩空气从出风口反向吹净散热片上的灰尘和柳絮。灰尘堵塞是风冷矿机过温最常见的原因，多尘环境建议每月清洁一次。

## 4. 检查风扇
确认所有风扇都在转且转速相近；风扇报错请看“散热风扇故障”指南。

## 5. 水冷机型（D1 Hydro）
1. 检查供液温度和流量是否在规格书范围内，过滤器是否堵塞。
2. 快插接头要完全打开，管路不能弯折，排净管路中的空气。
3. 干冷器或冷却塔的散热能力要足够，室外温度高时尤其要留意。

## 6. 仍未解决
环境和散热都正常，但某一块算力板温度始终明显高于其他板，可能是散热片脱落或温度传感器故障，请发起工单寄修。`,
      en: `**When this applies**: temperatures near or over the limit on the Status page, the miner throttles and hashes less, or it shuts down after an over-temperature warning.

## 1. Check intake temperature and humidity
Measure at the miner's air intake. The model's spec sheet rules; air-cooled miners usually need 5–35 °C ambient and 10–90 % humidity without condensation. Summer afternoons are when overheating peaks.

## 2. Check the airflow
1. No miner's exhaust may face another miner's intake: recirculated hot air raises the intake temperature fast.
2. Separate hot and cold aisles; leave at least 1 m in front of the exhausts or duct the hot air outside.
3. Leave gaps between miners and walls, and never stack machines so that intakes are blocked.

## 3. Clean the heatsinks
Power off and blow the dust and fluff out of the heatsinks with compressed air, from the exhaust side. Clogged heatsinks are the most common cause of overheating in air-cooled miners; in dusty sites clean them monthly.

## 4. Check the fans
All fans must turn at similar speeds; for fan errors see the guide "Cooling fan failure".

## 5. Hydro-cooled models (D1 Hydro)
1. Check coolant supply temperature and flow against the spec sheet, and whether a filter is clogged.
2. Quick couplers must be fully open and hoses not kinked; bleed air out of the loop.
3. The dry cooler or cooling tower must have enough capacity, especially on hot days.

## 6. Still not solved
If the site and cooling are fine but one board always runs much hotter than the others, a heatsink may have come loose or a temperature sensor failed: start a ticket for a repair.`,
    },
  }),
  guide(4, {
    category: 'power',
    models: EVERY_MODEL,
    symptoms: ['ERROR_POWER_LOST', '电源指示灯不亮', '无法开机', '频繁重启', 'PSU fault', 'no power'],
    title: {
      'zh-CN': '电源故障：无法开机、指示灯不亮或频繁重启',
      en: 'PSU faults: no power, no lights or repeated restarts',
    },
    body: {
      'zh-CN': `**适用情况**：矿机完全不上电、电源和控制板指示灯都不亮，或运行中反复重启、掉电。

> ⚠️ 电源内部有高压电容，断电后仍可能带电。**不要拆开电源**，只做外部检查。

## 1. 检查输入电压
1. 用万用表测量插座电压。大功率机型通常要求 200–240 V 交流输入，电压偏低会导致满载时重启。
2. 最好在矿机满载运行时再测一次，电压明显下降说明线路或配电容量不足。

## 2. 检查电源线、插座和空开
1. 使用额定电流足够的电源线和插座（大功率机型通常需要 16 A 及以上），插头要插到底。
2. 检查空开或 PDU 是否跳闸，插头和插座有无发热、烧黑。

## 3. 检查电源输出和信号线
1. 检查电源到算力板的输出端子螺丝是否紧固。
2. 检查电源与控制板之间的信号线是否插好；这根线松动时，电源可能不启动。

## 4. 交叉测试
如有同型号的正常电源，换上测试：换电源后正常，说明原电源损坏。

## 5. 寄修
电源损坏、端子烧黑或输入电压正常但仍无法开机时，请发起工单寄修，不要自行维修电源。`,
      en: `**When this applies**: the miner does not power on at all, the PSU and control board lights stay dark, or it restarts or drops out while running.

> ⚠️ A PSU holds high-voltage capacitors that can stay charged after unplugging. **Never open the PSU**: check it from the outside only.

## 1. Check the input voltage
1. Measure the socket voltage with a multimeter. High-power miners usually need 200–240 V AC; a low voltage makes them restart under full load.
2. Measure again while the miner runs at full load: a clear drop means the wiring or the distribution is undersized.

## 2. Check cord, socket and breaker
1. Use a cord and socket rated for the current (high-power miners usually need 16 A or more), and push the plug fully home.
2. Check whether the breaker or PDU has tripped, and whether plug or socket are hot or scorched.

## 3. Check the PSU outputs and signal cable
1. Check that the output terminal screws to the hash boards are tight.
2. Check the signal cable between the PSU and the control board: when it is loose, the PSU may not start.

## 4. Swap test
If you have a working PSU of the same model, try it: if the miner then runs, the original PSU is faulty.

## 5. Mail-in
If the PSU is faulty, a terminal is scorched, or the voltage is fine and the miner still does not start, start a ticket for a repair. Do not repair the PSU yourself.`,
    },
  }),
  guide(5, {
    category: 'hashrate',
    models: EVERY_MODEL,
    symptoms: ['算力低', '算力波动', '拒绝率高', 'low hashrate', 'rejected shares', 'hashrate drop'],
    title: {
      'zh-CN': '算力偏低或波动：实际算力低于标称值',
      en: 'Low or unstable hashrate',
    },
    body: {
      'zh-CN': `**适用情况**：矿机平均算力长期低于标称值，或矿池显示的算力大幅波动、拒绝率偏高。

## 1. 先看对数据
1. 以矿机后台的平均算力为准，矿池的 10 分钟算力受运气影响波动很大，请看 24 小时平均值。
2. 确认运行模式：低功耗模式的算力本来就低于标称值。

## 2. 逐条链对比
在“状态”页对比每条链的算力和芯片数。某条链芯片数偏少或算力明显偏低，多半是该算力板故障，请参考“算力板未识别”指南，或带日志寄修。

## 3. 检查温度
温度过高会触发降频，算力随之下降。参考“温度过高”指南检查进风温度、气流和灰尘。

## 4. 检查网络和矿池
1. 拒绝率或过期份额高（超过 2%）通常是网络延迟或丢包造成的，请选择离矿场最近的矿池节点。
2. 用有线网络，避免多级路由器和无线中继。

## 5. 检查供电
满载时输入电压偏低也会让矿机降频，参考“电源故障”指南测量电压。

## 6. 固件
确认运行的是该型号最新的官方固件。`,
      en: `**When this applies**: the miner's average hashrate stays below its rated value, or the pool shows large swings and a high reject rate.

## 1. Compare the right numbers
1. Go by the miner's own average hashrate. A pool's 10-minute hashrate swings with luck: look at its 24-hour average.
2. Check the mode: a low-power mode hashes less than the rated value by design.

## 2. Compare the chains
On the Status page, compare each chain's hashrate and chip count. A chain with fewer chips or clearly less hashrate usually means a faulty hash board: see "Hash board not detected", or mail it in with the log.

## 3. Check temperatures
Overheating makes the miner throttle and hash less. See the guide "Overheating" for intake temperature, airflow and dust.

## 4. Check network and pool
1. A high reject or stale rate (over 2 %) usually comes from latency or packet loss: pick the pool server nearest to the farm.
2. Use a wired connection; avoid chains of routers and wireless repeaters.

## 5. Check the power
A low input voltage under load also makes the miner throttle: measure it as in "PSU faults".

## 6. Firmware
Make sure the miner runs the model's latest official firmware.`,
    },
  }),
  guide(6, {
    category: 'network',
    models: EVERY_MODEL,
    symptoms: [
      'ERROR_NETWORK_DISCONNECTED',
      '找不到 IP',
      '矿池连接失败',
      'no IP address',
      'pool connection failed',
    ],
    title: {
      'zh-CN': '网络问题：找不到矿机 IP 或连不上矿池',
      en: "Network problems: cannot find the miner's IP or reach the pool",
    },
    body: {
      'zh-CN': `**适用情况**：扫描不到矿机的 IP、打不开后台，或后台提示矿池连接失败、网络断开。

## 1. 检查网线和网口
1. 网口指示灯应亮起并闪烁；不亮时换一根网线或交换机端口。
2. 矿机直连交换机，不要经过多级路由器或无线中继。

## 2. 找到矿机 IP
1. 矿机默认通过 DHCP 获取地址，可在路由器的 DHCP 客户端列表中按 MAC 地址查找。
2. 控制板有 IP Report 按键的机型，按下后用 IP 扫描工具查看上报的地址。
3. 改过静态 IP 的矿机，要确认地址与网段一致且没有和其他设备冲突；找不回时可恢复出厂设置。

## 3. 检查矿池设置
1. 矿池地址格式为 stratum+tcp://地址:端口，地址、端口、矿工名要与矿池后台完全一致。
2. 至少配置两个备用矿池。

## 4. 检查出口网络
1. 从同一网络的电脑 ping 矿池地址，确认 DNS 能解析、网络通畅。
2. 防火墙需要放行矿池端口的出站连接。`,
      en: `**When this applies**: you cannot find the miner's IP or open its web page, or it reports that the pool connection failed or the network is down.

## 1. Check cable and port
1. The network port's light should be on and blinking; if not, try another cable or switch port.
2. Connect the miner straight to a switch, not through chains of routers or wireless repeaters.

## 2. Find the miner's IP
1. The miner takes an address by DHCP: find it in the router's DHCP client list by its MAC address.
2. On control boards with an IP Report button, press it and read the reported address with an IP scanner tool.
3. If a static IP was set, make sure it is in the right subnet and used by no other device; if you cannot find it again, reset to factory settings.

## 3. Check the pool settings
1. The pool URL has the form stratum+tcp://host:port; host, port and worker name must match the pool's account exactly.
2. Configure at least two backup pools.

## 4. Check the uplink
1. From a computer on the same network, ping the pool host to check that DNS resolves and the path is clear.
2. The firewall must allow outgoing connections to the pool's port.`,
    },
  }),
  guide(7, {
    category: 'firmware',
    models: EVERY_MODEL,
    symptoms: [
      '固件升级失败',
      '升级后无法进入后台',
      '恢复出厂设置',
      'firmware upgrade failed',
      'factory reset',
    ],
    title: {
      'zh-CN': '固件升级失败或升级后异常：恢复与重新升级',
      en: 'Firmware upgrade failed, or the miner misbehaves after an update',
    },
    body: {
      'zh-CN': `**适用情况**：升级固件时中断、报错，或升级后打不开后台、不挖矿。

## 升级前
1. 只使用官方发布的、与型号完全对应的固件。第三方固件可能损坏矿机并影响保修。
2. 升级过程中不要断电、不要关闭浏览器页面，通常需要几分钟。

## 1. 等待并重启
升级报错后先等待 10 分钟，让矿机完成写入和自检，再断电 30 秒后重新上电。

## 2. 恢复出厂设置
矿机上电运行时，按住控制板上的 Reset 键约 10 秒后松开，等待矿机重启。恢复后矿池等设置需要重新填写。

## 3. 重新升级
用网线直连，在后台重新上传官方固件升级一次。

## 4. 仍无法恢复
如果后台无法打开、恢复出厂设置也无效，请发起工单并注明升级前后的固件版本，客服会指导恢复或安排寄修。`,
      en: `**When this applies**: a firmware upgrade was interrupted or failed, or after an upgrade the web page does not open or the miner does not hash.

## Before upgrading
1. Use only official firmware released for exactly this model. Third-party firmware can damage the miner and affect the warranty.
2. Do not power off or close the browser page during the upgrade; it usually takes a few minutes.

## 1. Wait, then restart
After a failed upgrade, wait 10 minutes for the miner to finish writing and checking, then power off for 30 seconds and on again.

## 2. Reset to factory settings
With the miner powered on, hold the control board's Reset button for about 10 seconds, release it and wait for the restart. Pool settings must be entered again afterwards.

## 3. Upgrade again
Over a wired connection, upload the official firmware once more from the web page.

## 4. Still not recovered
If the web page does not open and a factory reset does not help, start a ticket with the firmware versions before and after the upgrade: support will guide the recovery or arrange a repair.`,
    },
  }),
];
